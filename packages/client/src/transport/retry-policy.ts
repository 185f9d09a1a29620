/*
 * Pure retry decisions: what may be repeated, how long to wait. No clocks or sockets here;
 * the caller passes the elapsed time and a random source, so every branch is testable.
 */

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** No retry starts once this much time (attempts and waits) would have passed. */
  maxElapsedMs: number;
}

export const defaultRetryPolicy: Omit<RetryPolicy, 'maxElapsedMs'> = {
  maxAttempts: 4,
  baseDelayMs: 200,
  maxDelayMs: 10_000,
};

/**
 * Full jitter (AWS architecture blog, "Exponential Backoff And Jitter"): a uniform delay in
 * `[0, min(maxDelayMs, baseDelayMs * 2**retry))`, `retry` counting from 0 for the first retry.
 */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}

/** `Retry-After` in milliseconds: delta-seconds or an HTTP date; `undefined` when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // An HTTP date must name a weekday or month; bare numbers like "-1" are not dates.
  if (!/[A-Za-z]/.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

/** Why an attempt failed, in the terms the decision needs. */
export type AttemptFailure =
  | { kind: 'status'; status: number; errorCode: string | undefined; retryAfterMs: number | undefined }
  | { kind: 'connection'; retryable: boolean }
  | { kind: 'timeout' };

export type RetryDecision = { retry: true; delayMs: number } | { retry: false; reason: string };

const retryableStatuses: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);
const signatureCodes: ReadonlySet<string> = new Set(['APIGW.0301', 'APIG.0301']);

export function isRetryableFailure(failure: AttemptFailure): boolean {
  switch (failure.kind) {
    case 'status':
      return (
        retryableStatuses.has(failure.status) &&
        (failure.errorCode === undefined || !signatureCodes.has(failure.errorCode))
      );
    case 'connection':
      return failure.retryable;
    case 'timeout':
      return true;
  }
}

export interface RetryState {
  /** The attempt that just failed, from 1. */
  attempt: number;
  /** Time since the call started, in ms. */
  elapsedMs: number;
}

export function decideRetry(
  failure: AttemptFailure,
  state: RetryState,
  policy: RetryPolicy,
  random: () => number = Math.random,
): RetryDecision {
  if (!isRetryableFailure(failure)) return { retry: false, reason: 'not retryable' };
  if (state.attempt >= policy.maxAttempts) return { retry: false, reason: 'attempts exhausted' };
  const jitter = backoffDelay(state.attempt - 1, policy, random);
  const retryAfter = failure.kind === 'status' ? (failure.retryAfterMs ?? 0) : 0;
  const delayMs = Math.max(jitter, retryAfter);
  if (state.elapsedMs + delayMs > policy.maxElapsedMs) return { retry: false, reason: 'time budget spent' };
  return { retry: true, delayMs };
}

/** Socket-level codes after which the request never reached the service or its answer was lost. */
const retryableConnectionCodes: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
]);

/** The first socket-level code found on an error or its causes. */
export function connectionCodeOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== '') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export function isRetryableConnectionCode(code: string | undefined): boolean {
  return code !== undefined && retryableConnectionCodes.has(code);
}
