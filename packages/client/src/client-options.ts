import type { Dispatcher } from 'undici';
import type { Credentials } from './auth/credentials.js';
import type { Cloud } from './endpoint.js';
import { CsbsValidationError, type ValidationIssue } from './errors/other-errors.js';
import { pathSegmentProblem } from './path-segment.js';
import type { Hooks } from './transport/summaries.js';

export interface RetryOptions {
  /** Attempts in all, the first included; default 4. `1` turns retries off. */
  maxAttempts?: number;
  /** Backoff base; default 200 ms. */
  baseDelayMs?: number;
  /** Backoff ceiling (a `Retry-After` may ask for longer); default 10 000 ms. */
  maxDelayMs?: number;
  /** No retry starts past this much time since the call began; default `totalTimeoutMs`. */
  maxElapsedMs?: number;
}

export interface CsbsClientOptions {
  projectId: string;
  /**
   * A base URL (`http://127.0.0.1:8080` for the emulator); a path prefix is kept. Without it,
   * password credentials take CSBS from the token's catalog (type `data-protect`, `region`),
   * and other credentials derive it from `cloud` and `region`.
   */
  endpoint?: string;
  /** IAM for `listProjects` when the credentials are not a password (which has `authUrl`). */
  iamEndpoint?: string;
  /** With `region`, picks the public endpoint when `endpoint` is not given; default `huaweicloud`. */
  cloud?: Cloud;
  region?: string;
  credentials: Credentials;
  retry?: RetryOptions;
  /** Per attempt, default 30 000 ms. */
  timeoutMs?: number;
  /** The whole call including retries, default 120 000 ms. */
  totalTimeoutMs?: number;
  /** Bring your own undici dispatcher (proxy, interceptors); `close()` leaves it open. */
  dispatcher?: Dispatcher;
  /** Observers of each attempt; they receive redacted summaries and cannot change a request. */
  hooks?: Hooks;
  /** Prepended to the client's own `User-Agent`. */
  userAgent?: string;
}

export interface CallOptions {
  signal?: AbortSignal;
}

/** Options of `listCheckpointItems`, `paginateCheckpointItems` and `paginateResources`. */
export interface ListingOptions extends CallOptions {
  /**
   * Also hand back the JSON text of each item exactly as received, as `page.itemTexts`
   * (see `CheckpointItemsPageWithTexts`, `ResourcesPageWithTexts`). The items are parsed
   * and validated all the same; finding the texts costs a scan of the body, about a tenth
   * of parsing it.
   */
  itemTexts?: boolean;
}

/**
 * Options of a walk (`paginateCheckpointItems`, `paginateResources`). The page size is the
 * wire's `limit` in the params, as in the one-page calls; this caps the walk as a whole.
 */
export interface PaginateOptions extends CallOptions {
  /**
   * At most this many items over the whole walk (a positive whole number); the last page
   * asks only for what is left. Default: every item. Stopping early can also be a `break`.
   */
  maxItems?: number;
}

export const defaultTimeoutMs = 30_000;
export const defaultTotalTimeoutMs = 120_000;

function positive(issues: ValidationIssue[], path: string, value: unknown, integer: boolean, min = 1): void {
  if (value === undefined) return;
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    value < min ||
    (integer && !Number.isInteger(value))
  ) {
    issues.push({ path, message: `must be ${integer ? 'a whole number' : 'a number'} >= ${min}` });
  }
}

/** Checks the options that are not credentials or endpoint (those have their own checks). */
export function checkClientOptions(options: CsbsClientOptions): void {
  const issues: ValidationIssue[] = [];
  if (typeof options !== 'object' || options === null) {
    throw new CsbsValidationError([{ path: '', message: 'must be an object' }], { what: 'options' });
  }
  const segmentProblem = pathSegmentProblem(options.projectId);
  if (segmentProblem !== undefined) issues.push({ path: 'projectId', message: segmentProblem });
  else if (!/^[^/?#\s]+$/.test(options.projectId)) {
    issues.push({ path: 'projectId', message: 'must be an id without "/", "?", "#" or spaces' });
  }
  positive(issues, 'timeoutMs', options.timeoutMs, false);
  positive(issues, 'totalTimeoutMs', options.totalTimeoutMs, false);
  positive(issues, 'retry.maxAttempts', options.retry?.maxAttempts, true);
  positive(issues, 'retry.baseDelayMs', options.retry?.baseDelayMs, false, 0);
  positive(issues, 'retry.maxDelayMs', options.retry?.maxDelayMs, false, 0);
  positive(issues, 'retry.maxElapsedMs', options.retry?.maxElapsedMs, false, 0);
  if (
    options.userAgent !== undefined &&
    (typeof options.userAgent !== 'string' || /[\r\n]/.test(options.userAgent))
  ) {
    issues.push({ path: 'userAgent', message: 'must be a single-line string' });
  }
  if (issues.length > 0) throw new CsbsValidationError(issues, { what: 'options' });
}

/**
 * The walk's `maxItems`, checked before any request. `pageSize` was the page size before
 * `limit` took that meaning in the paginators too; it is refused rather than ignored, so a
 * caller of the old API hears of it.
 */
export function checkPaginateOptions(options: PaginateOptions): number | undefined {
  if (typeof options !== 'object' || options === null) {
    throw new CsbsValidationError([{ path: '', message: 'must be an object' }], { what: 'options' });
  }
  if ('pageSize' in options && (options as { pageSize?: unknown }).pageSize !== undefined) {
    throw new CsbsValidationError(
      [{ path: 'pageSize', message: 'is not an option: the page size is `limit` in the params' }],
      { what: 'options' },
    );
  }
  const { maxItems } = options;
  if (maxItems === undefined) return undefined;
  if (typeof maxItems !== 'number' || !Number.isSafeInteger(maxItems) || maxItems < 1) {
    throw new CsbsValidationError(
      [{ path: 'maxItems', message: `must be a whole number from 1 to ${Number.MAX_SAFE_INTEGER}` }],
      {
        what: 'options',
      },
    );
  }
  return maxItems;
}
