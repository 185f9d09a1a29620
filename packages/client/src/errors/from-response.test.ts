import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { isRetryableFailure } from '../transport/retry-policy.js';
import {
  CsbsApiError,
  CsbsAuthenticationError,
  CsbsBadRequestError,
  CsbsNotFoundError,
  CsbsPermissionDeniedError,
  CsbsRateLimitError,
  CsbsServerError,
  CsbsServiceUnavailableError,
} from './api-error.js';
import { CsbsError } from './base.js';
import { errorFromResponse } from './from-response.js';
import { CsbsConnectionError, CsbsTimeoutError, CsbsValidationError } from './other-errors.js';

const request = { method: 'GET', url: 'http://127.0.0.1:1/v1/p/checkpoint_items' };
// The transport's retry policy decides retryability; errors only carry it.
const respond = (status: number, bodyText: string, requestIdHeader?: string) =>
  errorFromResponse(
    { status, bodyText, requestIdHeader, retryAfterMs: undefined, request },
    ({ errorCode }) => isRetryableFailure({ kind: 'status', status, errorCode, retryAfterMs: undefined }),
  );

describe('errorFromResponse', () => {
  it('reads the CSBS shape', () => {
    const e = respond(400, '{"error_code":"CSBS.9001","error_msg":"limit: must be positive"}', 'req-1');
    expect(e).toBeInstanceOf(CsbsBadRequestError);
    expect([e.status, e.errorCode, e.errorMsg, e.requestId, e.code]).toEqual([
      400,
      'CSBS.9001',
      'limit: must be positive',
      'req-1',
      'CSBS_BAD_REQUEST',
    ]);
    expect(e.message).toContain('CSBS.9001: limit: must be positive');
    expect(e.message).toContain('HTTP 400');
  });
  it('reads the nested shape with a request id in the body', () => {
    const e = respond(403, '{"error":{"code":"IAM.0002","message":"no permission","request_id":"r-9"}}');
    expect(e).toBeInstanceOf(CsbsPermissionDeniedError);
    expect([e.errorCode, e.errorMsg, e.requestId]).toEqual(['IAM.0002', 'no permission', 'r-9']);
  });
  it('reads the gateway shape', () => {
    const e = respond(401, '{"code":"APIGW.0301","message":"Incorrect IAM authentication information"}');
    expect(e).toBeInstanceOf(CsbsAuthenticationError);
    expect([e.errorCode, e.errorMsg, e.requestId]).toEqual([
      'APIGW.0301',
      'Incorrect IAM authentication information',
      undefined,
    ]);
  });
  it('prefers the X-Request-Id header over the body', () => {
    expect(respond(500, '{"error_code":"X","request_id":"body"}', 'header').requestId).toBe('header');
  });
  it('keeps a snippet of a non-JSON body as the message', () => {
    const e = respond(502, '<html><body>Bad Gateway</body></html>');
    expect(e).toBeInstanceOf(CsbsServerError);
    expect(e.errorCode).toBeUndefined();
    expect(e.errorMsg).toBe('<html><body>Bad Gateway</body></html>');
  });
  it('trims a long non-JSON body', () => {
    const e = respond(500, 'x'.repeat(5000));
    expect(e.errorMsg?.length).toBeLessThan(400);
  });
  it('keeps JSON of an unknown shape as a snippet too', () => {
    expect(respond(500, '{"weird":true}').errorMsg).toBe('{"weird":true}');
  });
  it('leaves code and message undefined for an empty body', () => {
    const e = respond(404, '  ');
    expect(e).toBeInstanceOf(CsbsNotFoundError);
    expect([e.errorCode, e.errorMsg]).toEqual([undefined, undefined]);
    expect(e.message).toBe('request failed (HTTP 404; GET http://127.0.0.1:1/v1/p/checkpoint_items)');
  });
  it.each([
    [400, CsbsBadRequestError, 'CSBS_BAD_REQUEST', false],
    [401, CsbsAuthenticationError, 'CSBS_AUTHENTICATION_FAILED', false],
    [403, CsbsPermissionDeniedError, 'CSBS_PERMISSION_DENIED', false],
    [404, CsbsNotFoundError, 'CSBS_NOT_FOUND', false],
    [405, CsbsApiError, 'CSBS_API_ERROR', false],
    [429, CsbsRateLimitError, 'CSBS_RATE_LIMITED', true],
    [500, CsbsServerError, 'CSBS_SERVER_ERROR', true],
    [503, CsbsServiceUnavailableError, 'CSBS_SERVICE_UNAVAILABLE', true],
  ])('status %d is %o with code %s', (status, cls, code, retryable) => {
    const e = respond(status, '');
    expect(e).toBeInstanceOf(cls);
    expect(e.code).toBe(code);
    expect(e.isRetryable).toBe(retryable);
    expect(e.name).toBe(cls.name);
  });
  it('a 503 signature error is not retryable', () => {
    expect(respond(503, '{"code":"APIGW.0301","message":"bad"}').isRetryable).toBe(false);
  });
});

describe('branded isInstance', () => {
  it('recognises subclasses and rejects look-alikes', () => {
    const e = respond(503, '');
    expect(CsbsError.isInstance(e)).toBe(true);
    expect(CsbsApiError.isInstance(e)).toBe(true);
    expect(CsbsServerError.isInstance(e)).toBe(true);
    expect(CsbsServiceUnavailableError.isInstance(e)).toBe(true);
    expect(CsbsNotFoundError.isInstance(e)).toBe(false);
    expect(CsbsConnectionError.isInstance(e)).toBe(false);
    expect(CsbsError.isInstance(new Error('x'))).toBe(false);
    expect(CsbsError.isInstance(null)).toBe(false);
    expect(CsbsError.isInstance({ code: 'CSBS_NOT_FOUND' })).toBe(false);
  });
  it('works across copies of the package (same Symbol.for key)', () => {
    // A class from a second install: its own prototype chain, the same global brand.
    const foreign = Object.create(Error.prototype) as Record<symbol, unknown>;
    foreign[Symbol.for('csbs-kit.client.CsbsError')] = true;
    foreign[Symbol.for('csbs-kit.client.CsbsTimeoutError')] = true;
    expect(CsbsError.isInstance(foreign)).toBe(true);
    expect(CsbsTimeoutError.isInstance(foreign)).toBe(true);
    expect(CsbsValidationError.isInstance(foreign)).toBe(false);
  });
});

describe('error objects', () => {
  it('serialise their public facts', () => {
    const e = respond(404, '{"error_code":"CSBS.3001","error_msg":"no such backup"}', 'r1');
    const json = JSON.parse(JSON.stringify(e));
    expect(json).toMatchObject({
      name: 'CsbsNotFoundError',
      code: 'CSBS_NOT_FOUND',
      status: 404,
      errorCode: 'CSBS.3001',
      requestId: 'r1',
      request,
    });
    expect(inspect(e)).toContain('CSBS.3001');
  });
  it('validation errors name the field', () => {
    const e = new CsbsValidationError([{ path: 'tags[2].values', message: 'at most 10 values' }]);
    expect(e.code).toBe('CSBS_VALIDATION_FAILED');
    expect(e.message).toBe('invalid input: tags[2].values: at most 10 values');
  });
});
