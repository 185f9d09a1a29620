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

/** `pageSize` of the paginators: 1..1000, default 1000. */
export function checkPageSize(pageSize: unknown, max: number): number {
  if (pageSize === undefined) return max;
  if (typeof pageSize !== 'number' || !Number.isInteger(pageSize) || pageSize < 1 || pageSize > max) {
    throw new CsbsValidationError(
      [{ path: 'pageSize', message: `must be a whole number from 1 to ${max}` }],
      {
        what: 'options',
      },
    );
  }
  return pageSize;
}
