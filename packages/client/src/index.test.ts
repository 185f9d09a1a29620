import { describe, expect, it } from 'vitest';
import * as api from './index.js';

describe('public API', () => {
  it('exports exactly the listed runtime values', () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        'CsbsApiError',
        'CsbsAuthenticationError',
        'CsbsBadRequestError',
        'CsbsClient',
        'CsbsConnectionError',
        'CsbsError',
        'CsbsNotFoundError',
        'CsbsPaginationError',
        'CsbsPermissionDeniedError',
        'CsbsRateLimitError',
        'CsbsResponseValidationError',
        'CsbsServerError',
        'CsbsServiceUnavailableError',
        'CsbsTimeoutError',
        'CsbsValidationError',
        'resolveEndpoint',
      ].sort(),
    );
  });

  it('the client has the methods of the contract', () => {
    const methods = Object.getOwnPropertyNames(api.CsbsClient.prototype).sort();
    expect(methods).toEqual(
      [
        'constructor',
        'close',
        'countCheckpointItems',
        'endpoint',
        'listProjects',
        'countResources',
        'filterResources',
        'getCheckpointItem',
        'listCheckpointItems',
        'paginateCheckpointItems',
        'paginateResources',
      ].sort(),
    );
    expect(typeof api.CsbsClient.prototype[Symbol.asyncDispose]).toBe('function');
  });

  it('every error class names itself and brands its instances', () => {
    const request = { method: 'GET', url: 'http://x/' };
    const details = { status: 500, errorCode: undefined, errorMsg: undefined, requestId: undefined, request };
    const errors: api.CsbsError[] = [
      new api.CsbsBadRequestError({ ...details, status: 400, retryable: false }),
      new api.CsbsServiceUnavailableError({ ...details, status: 503, retryable: true }),
      new api.CsbsConnectionError('reset', { request, retryable: true }),
      new api.CsbsTimeoutError({ request, kind: 'total', timeoutMs: 5 }),
      new api.CsbsValidationError([{ path: 'limit', message: 'must be positive' }]),
      new api.CsbsResponseValidationError({ issues: [], status: 200, requestId: undefined, request }),
    ];
    for (const error of errors) {
      expect(error.name).toBe(error.constructor.name);
      expect(api.CsbsError.isInstance(error)).toBe(true);
      expect(error.code).toMatch(/^CSBS_[A-Z_]+$/);
    }
    expect(errors.map((e) => e.isRetryable)).toEqual([false, true, true, false, false, false]);
  });
});
