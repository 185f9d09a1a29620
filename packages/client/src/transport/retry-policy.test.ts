import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AttemptFailure,
  backoffDelay,
  connectionCodeOf,
  decideRetry,
  isRetryableConnectionCode,
  isRetryableFailure,
  parseRetryAfter,
  type RetryPolicy,
} from './retry-policy.js';

const policy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 200, maxDelayMs: 10_000, maxElapsedMs: 120_000 };
const status = (s: number, errorCode?: string, retryAfterMs?: number): AttemptFailure => ({
  kind: 'status',
  status: s,
  errorCode,
  retryAfterMs,
});

describe('backoffDelay (full jitter)', () => {
  it('stays within [0, min(maxDelayMs, baseDelayMs * 2**retry))', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 5_000 }),
        fc.integer({ min: 0, max: 60_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (retry, base, max, r) => {
          const delay = backoffDelay(retry, { ...policy, baseDelayMs: base, maxDelayMs: max }, () => r);
          const ceiling = Math.min(max, base * 2 ** retry);
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay === 0 || delay < ceiling).toBe(true);
          expect(Number.isInteger(delay)).toBe(true);
        },
      ),
    );
  });

  it('doubles the ceiling per retry up to maxDelayMs', () => {
    const almostOne = () => 0.999999;
    expect(backoffDelay(0, policy, almostOne)).toBe(199);
    expect(backoffDelay(1, policy, almostOne)).toBe(399);
    expect(backoffDelay(3, policy, almostOne)).toBe(1599);
    expect(backoffDelay(10, policy, almostOne)).toBe(9999);
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it.each([
    ['3', 3000],
    ['0', 0],
    [' 120 ', 120_000],
    ['1.5', 1500],
    ['Thu, 01 Jan 2026 00:00:10 GMT', 10_000],
    ['Wed, 31 Dec 2025 23:59:00 GMT', 0],
  ])('reads %j as %d ms', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
  it.each([[undefined], [''], ['soon-ish'], ['-1'], ['1e3']])('ignores %j', (value) => {
    expect(parseRetryAfter(value, now)).toBeUndefined();
  });
});

describe('isRetryableFailure', () => {
  it.each([400, 401, 403, 404, 405, 409, 413, 422, 501])('never retries status %d', (s) => {
    expect(isRetryableFailure(status(s))).toBe(false);
  });
  it.each([429, 500, 502, 503, 504])('retries status %d', (s) => {
    expect(isRetryableFailure(status(s))).toBe(true);
  });
  it('never retries a signature error, whatever the status', () => {
    expect(isRetryableFailure(status(503, 'APIGW.0301'))).toBe(false);
    expect(isRetryableFailure(status(500, 'APIG.0301'))).toBe(false);
    expect(isRetryableFailure(status(503, 'CSBS.9999'))).toBe(true);
  });
  it('retries timeouts and retryable connection failures only', () => {
    expect(isRetryableFailure({ kind: 'timeout' })).toBe(true);
    expect(isRetryableFailure({ kind: 'connection', retryable: true })).toBe(true);
    expect(isRetryableFailure({ kind: 'connection', retryable: false })).toBe(false);
  });
});

describe('decideRetry', () => {
  it('waits a jittered delay below the ceiling for the attempt', () => {
    const d = decideRetry(status(503), { attempt: 2, elapsedMs: 0 }, policy, () => 0.5);
    expect(d).toEqual({ retry: true, delayMs: 200 });
  });
  it('waits at least Retry-After, even past maxDelayMs', () => {
    const d = decideRetry(status(429, undefined, 15_000), { attempt: 1, elapsedMs: 0 }, policy, () => 0.5);
    expect(d).toEqual({ retry: true, delayMs: 15_000 });
  });
  it('keeps the jitter when it is longer than Retry-After', () => {
    const d = decideRetry(status(503, undefined, 10), { attempt: 3, elapsedMs: 0 }, policy, () => 0.5);
    expect(d).toEqual({ retry: true, delayMs: 400 });
  });
  it('stops after maxAttempts', () => {
    expect(decideRetry(status(503), { attempt: 4, elapsedMs: 0 }, policy).retry).toBe(false);
    expect(decideRetry(status(503), { attempt: 3, elapsedMs: 0 }, policy).retry).toBe(true);
  });
  it('stops when the wait would pass maxElapsedMs', () => {
    const d = decideRetry(status(503, undefined, 5_000), { attempt: 1, elapsedMs: 116_000 }, policy);
    expect(d).toEqual({ retry: false, reason: 'time budget spent' });
  });
  it('never retries a 400', () => {
    expect(decideRetry(status(400), { attempt: 1, elapsedMs: 0 }, policy)).toEqual({
      retry: false,
      reason: 'not retryable',
    });
  });
  it('every decided delay is within its bounds (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(429, 500, 502, 503, 504),
        fc.option(fc.integer({ min: 0, max: 30_000 }), { nil: undefined }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 0, max: 200_000 }),
        (s, retryAfterMs, attempt, elapsedMs) => {
          const d = decideRetry(status(s, undefined, retryAfterMs), { attempt, elapsedMs }, policy);
          if (!d.retry) return;
          expect(attempt).toBeLessThan(policy.maxAttempts);
          expect(d.delayMs).toBeGreaterThanOrEqual(retryAfterMs ?? 0);
          expect(d.delayMs).toBeLessThanOrEqual(Math.max(retryAfterMs ?? 0, policy.maxDelayMs));
          expect(elapsedMs + d.delayMs).toBeLessThanOrEqual(policy.maxElapsedMs);
        },
      ),
    );
  });
});

describe('connection codes', () => {
  it('finds a code on the error or its causes', () => {
    const inner = Object.assign(new Error('reset'), { code: 'ECONNRESET' });
    expect(connectionCodeOf(new Error('outer', { cause: inner }))).toBe('ECONNRESET');
    expect(connectionCodeOf(new Error('none'))).toBeUndefined();
  });
  it('retries resets and refusals, not DNS failures of a wrong name', () => {
    expect(isRetryableConnectionCode('ECONNRESET')).toBe(true);
    expect(isRetryableConnectionCode('ECONNREFUSED')).toBe(true);
    expect(isRetryableConnectionCode('UND_ERR_SOCKET')).toBe(true);
    expect(isRetryableConnectionCode('ENOTFOUND')).toBe(false);
    expect(isRetryableConnectionCode(undefined)).toBe(false);
  });
});
