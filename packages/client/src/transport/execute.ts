import { setTimeout as sleep } from 'node:timers/promises';
import type { Dispatcher } from 'undici';
import type { Authorizer } from '../auth/authorizer.js';
import { CsbsError } from '../errors/base.js';
import { errorFromResponse } from '../errors/from-response.js';
import { CsbsConnectionError, CsbsTimeoutError } from '../errors/other-errors.js';
import { type RedactedRequest, redactUrl } from '../errors/redacted-request.js';
import {
  type AttemptFailure,
  connectionCodeOf,
  decideRetry,
  isRetryableConnectionCode,
  isRetryableFailure,
  parseRetryAfter,
  type RetryPolicy,
} from './retry-policy.js';
import { callHook, type Hooks, redactHeaders } from './summaries.js';

export interface TransportConfig {
  dispatcher: Dispatcher;
  retry: RetryPolicy;
  /** Per attempt: connecting, sending and reading the whole response. */
  timeoutMs: number;
  /** The whole call, retries and waits included. */
  totalTimeoutMs: number;
  hooks: Hooks;
  userAgent: string;
  random?: () => number;
}

/** A successful response, body read in full. */
export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  requestId: string | undefined;
  bodyText: string;
  /**
   * The body's bytes, this response's own copy: a page reader may write over them (the
   * NDJSON of `itemLines`). Absent where a response is made up rather than read.
   */
  bodyBytes?: Uint8Array;
  request: RedactedRequest;
}

export interface HttpCall<T> {
  method: 'GET' | 'POST';
  url: string;
  /** JSON bytes; signed and sent as they are. */
  body?: Uint8Array;
  /** Statuses that count as success; default 200..299. */
  expectStatus?: (status: number) => boolean;
  /** Reads a successful response; throws a `CsbsError` when it has the wrong shape (not retried). */
  parse(response: RawResponse): T;
}

/** The body as text, as undici's `body.text()` decodes it: UTF-8, a byte-order mark dropped. */
function utf8Text(bytes: Uint8Array): string {
  const bom = bytes.length > 2 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8', bom ? 3 : 0);
}

const attemptTimeout = Symbol('attempt timeout');
const totalTimeout = Symbol('total timeout');

const isSuccess = (status: number) => status >= 200 && status < 300;

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

type AttemptResult<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      error: CsbsError;
      failure: AttemptFailure;
      status?: number;
      sentHeaders: Record<string, string>;
    };

/**
 * Sends one call: authorises and sends each attempt, reads and parses the answer, and
 * retries what `decideRetry` allows. Rejects with `signal.reason` when the caller aborts.
 */
export async function execute<T>(
  config: TransportConfig,
  call: HttpCall<T>,
  authorizer: Authorizer | undefined,
  signal?: AbortSignal,
): Promise<T> {
  signal?.throwIfAborted();
  const started = performance.now();
  const request: RedactedRequest = { method: call.method, url: redactUrl(call.url) };
  const total = new AbortController();
  const totalTimer = setTimeout(() => total.abort(totalTimeout), config.totalTimeoutMs);
  const callSignal = signal === undefined ? total.signal : AbortSignal.any([signal, total.signal]);
  let attempt = 0;
  let renewed = false;
  let lastError: CsbsError | undefined;
  try {
    for (;;) {
      attempt++;
      const result = await attemptOnce(config, call, authorizer, request, attempt, callSignal);
      if (result.ok) return result.value;
      lastError = result.error;
      if (result.status === 401 && !renewed && authorizer?.renewAfterUnauthorized !== undefined) {
        renewed = true;
        if (await authorizer.renewAfterUnauthorized(result.sentHeaders, callSignal)) {
          callHook(config.hooks, 'onRetry', {
            method: request.method,
            url: request.url,
            attempt,
            delayMs: 0,
            reason: 'token renewal',
            status: 401,
          });
          continue;
        }
      }
      const decision = decideRetry(
        result.failure,
        { attempt: renewed ? attempt - 1 : attempt, elapsedMs: performance.now() - started },
        config.retry,
        config.random,
      );
      if (!decision.retry) throw result.error;
      callHook(config.hooks, 'onRetry', {
        method: request.method,
        url: request.url,
        attempt,
        delayMs: decision.delayMs,
        reason: reasonOf(result),
        ...(result.status === undefined ? {} : { status: result.status }),
      });
      await sleep(decision.delayMs, undefined, { signal: callSignal });
    }
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    if (total.signal.aborted) {
      throw new CsbsTimeoutError(
        { request, kind: 'total', timeoutMs: config.totalTimeoutMs },
        { cause: lastError ?? error },
      );
    }
    throw error;
  } finally {
    clearTimeout(totalTimer);
  }
}

function reasonOf(result: { failure: AttemptFailure; error: CsbsError }): string {
  switch (result.failure.kind) {
    case 'status':
      return `status ${result.failure.status}`;
    case 'timeout':
      return 'attempt timeout';
    case 'connection':
      return (result.error as CsbsConnectionError).causeCode ?? 'connection failed';
  }
}

async function attemptOnce<T>(
  config: TransportConfig,
  call: HttpCall<T>,
  authorizer: Authorizer | undefined,
  request: RedactedRequest,
  attempt: number,
  callSignal: AbortSignal,
): Promise<AttemptResult<T>> {
  const perAttempt = new AbortController();
  const timer = setTimeout(() => perAttempt.abort(attemptTimeout), config.timeoutMs);
  const attemptSignal = AbortSignal.any([callSignal, perAttempt.signal]);
  const baseHeaders: Record<string, string> = { Accept: 'application/json', 'User-Agent': config.userAgent };
  if (call.body !== undefined) baseHeaders['Content-Type'] = 'application/json';
  let sentHeaders: Record<string, string> = baseHeaders;
  const attemptStarted = performance.now();
  try {
    sentHeaders =
      authorizer === undefined
        ? baseHeaders
        : await authorizer.authorize(
            { method: call.method, url: call.url, headers: baseHeaders, body: call.body },
            attemptSignal,
          );
    if (config.hooks.onRequest !== undefined)
      callHook(config.hooks, 'onRequest', {
        method: request.method,
        url: request.url,
        attempt,
        headers: redactHeaders(sentHeaders),
      });
    const url = new URL(call.url);
    const response = await config.dispatcher.request({
      origin: url.origin,
      path: url.pathname + url.search,
      method: call.method,
      headers: sentHeaders,
      body: call.body === undefined ? null : call.body,
      signal: attemptSignal,
      headersTimeout: config.timeoutMs,
      bodyTimeout: config.timeoutMs,
    });
    const bodyBytes = await response.body.bytes();
    const bodyText = utf8Text(bodyBytes);
    const status = response.statusCode;
    const requestId = headerText(response.headers['x-request-id']);
    callHook(config.hooks, 'onResponse', {
      method: request.method,
      url: request.url,
      attempt,
      status,
      requestId,
      durationMs: performance.now() - attemptStarted,
    });
    if ((call.expectStatus ?? isSuccess)(status)) {
      return {
        ok: true,
        value: call.parse({ status, headers: response.headers, requestId, bodyText, bodyBytes, request }),
      };
    }
    const retryAfterMs = parseRetryAfter(headerText(response.headers['retry-after']), Date.now());
    const error = errorFromResponse(
      { status, requestIdHeader: requestId, retryAfterMs, bodyText, request },
      ({ errorCode }) => isRetryableFailure({ kind: 'status', status, errorCode, retryAfterMs }),
    );
    return {
      ok: false,
      error,
      status,
      sentHeaders,
      failure: { kind: 'status', status, errorCode: error.errorCode, retryAfterMs },
    };
  } catch (error) {
    // The caller's abort and the total timeout end the call; `execute` reports them.
    if (callSignal.aborted) throw error;
    if (CsbsError.isInstance(error)) throw error;
    const causeCode = connectionCodeOf(error);
    if (
      perAttempt.signal.aborted ||
      causeCode === 'UND_ERR_HEADERS_TIMEOUT' ||
      causeCode === 'UND_ERR_BODY_TIMEOUT'
    ) {
      return {
        ok: false,
        error: new CsbsTimeoutError(
          { request, kind: 'attempt', timeoutMs: config.timeoutMs },
          { cause: error },
        ),
        failure: { kind: 'timeout' },
        sentHeaders,
      };
    }
    const retryable = isRetryableConnectionCode(causeCode);
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: new CsbsConnectionError(
        `${message} (${request.method} ${request.url})`,
        { request, causeCode, retryable },
        { cause: error },
      ),
      failure: { kind: 'connection', retryable },
      sentHeaders,
    };
  } finally {
    clearTimeout(timer);
  }
}
