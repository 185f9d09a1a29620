import { isRetryableFailure } from '../transport/retry-policy.js';
import { CsbsError, type CsbsErrorOptions, hasBrand, markBrand } from './base.js';
import type { RedactedRequest } from './redacted-request.js';

export interface CsbsApiErrorDetails {
  status: number;
  errorCode: string | undefined;
  errorMsg: string | undefined;
  requestId: string | undefined;
  request: RedactedRequest;
  /** Milliseconds the server asked us to wait (`Retry-After`), when it said. */
  retryAfterMs?: number | undefined;
}

/** The service answered with an error status. */
export class CsbsApiError extends CsbsError {
  override name = 'CsbsApiError';
  readonly status: number;
  /** `CSBS.9001`, `APIGW.0301`, …, from any of the three error body shapes. */
  readonly errorCode: string | undefined;
  readonly errorMsg: string | undefined;
  /** From `X-Request-Id`, else from the body. */
  readonly requestId: string | undefined;
  readonly request: RedactedRequest;
  readonly retryAfterMs: number | undefined;

  constructor(code: string, details: CsbsApiErrorDetails, options: CsbsErrorOptions = {}) {
    super(code, describe(details), options);
    this.status = details.status;
    this.errorCode = details.errorCode;
    this.errorMsg = details.errorMsg;
    this.requestId = details.requestId;
    this.request = details.request;
    this.retryAfterMs = details.retryAfterMs;
  }

  /** Whether the service could answer differently next time: 429/5xx, and never a signature error. */
  override get isRetryable(): boolean {
    return isRetryableFailure({
      kind: 'status',
      status: this.status,
      errorCode: this.errorCode,
      retryAfterMs: this.retryAfterMs,
    });
  }

  static override isInstance(x: unknown): x is CsbsApiError {
    return hasBrand(x, 'CsbsApiError');
  }
}
markBrand(CsbsApiError, 'CsbsApiError');

function describe(d: CsbsApiErrorDetails): string {
  const what = [d.errorCode, d.errorMsg].filter((s) => s !== undefined && s !== '').join(': ');
  const id = d.requestId === undefined ? '' : `, request id ${d.requestId}`;
  return `${what === '' ? 'request failed' : what} (HTTP ${d.status}${id}; ${d.request.method} ${d.request.url})`;
}

export class CsbsBadRequestError extends CsbsApiError {
  override name = 'CsbsBadRequestError';
  constructor(details: CsbsApiErrorDetails, options?: CsbsErrorOptions) {
    super('CSBS_BAD_REQUEST', details, options);
  }
  static override isInstance(x: unknown): x is CsbsBadRequestError {
    return hasBrand(x, 'CsbsBadRequestError');
  }
}
markBrand(CsbsBadRequestError, 'CsbsBadRequestError');

export class CsbsAuthenticationError extends CsbsApiError {
  override name = 'CsbsAuthenticationError';
  constructor(details: CsbsApiErrorDetails, options?: CsbsErrorOptions) {
    super('CSBS_AUTHENTICATION_FAILED', details, options);
  }
  static override isInstance(x: unknown): x is CsbsAuthenticationError {
    return hasBrand(x, 'CsbsAuthenticationError');
  }
}
markBrand(CsbsAuthenticationError, 'CsbsAuthenticationError');

export class CsbsPermissionDeniedError extends CsbsApiError {
  override name = 'CsbsPermissionDeniedError';
  constructor(details: CsbsApiErrorDetails, options?: CsbsErrorOptions) {
    super('CSBS_PERMISSION_DENIED', details, options);
  }
  static override isInstance(x: unknown): x is CsbsPermissionDeniedError {
    return hasBrand(x, 'CsbsPermissionDeniedError');
  }
}
markBrand(CsbsPermissionDeniedError, 'CsbsPermissionDeniedError');

export class CsbsNotFoundError extends CsbsApiError {
  override name = 'CsbsNotFoundError';
  constructor(details: CsbsApiErrorDetails, options?: CsbsErrorOptions) {
    super('CSBS_NOT_FOUND', details, options);
  }
  static override isInstance(x: unknown): x is CsbsNotFoundError {
    return hasBrand(x, 'CsbsNotFoundError');
  }
}
markBrand(CsbsNotFoundError, 'CsbsNotFoundError');

export class CsbsRateLimitError extends CsbsApiError {
  override name = 'CsbsRateLimitError';
  constructor(details: CsbsApiErrorDetails, options?: CsbsErrorOptions) {
    super('CSBS_RATE_LIMITED', details, options);
  }
  static override isInstance(x: unknown): x is CsbsRateLimitError {
    return hasBrand(x, 'CsbsRateLimitError');
  }
}
markBrand(CsbsRateLimitError, 'CsbsRateLimitError');

export class CsbsServerError extends CsbsApiError {
  override name = 'CsbsServerError';
  constructor(details: CsbsApiErrorDetails, options?: CsbsErrorOptions, code = 'CSBS_SERVER_ERROR') {
    super(code, details, options);
  }
  static override isInstance(x: unknown): x is CsbsServerError {
    return hasBrand(x, 'CsbsServerError');
  }
}
markBrand(CsbsServerError, 'CsbsServerError');

export class CsbsServiceUnavailableError extends CsbsServerError {
  override name = 'CsbsServiceUnavailableError';
  constructor(details: CsbsApiErrorDetails, options?: CsbsErrorOptions) {
    super(details, options, 'CSBS_SERVICE_UNAVAILABLE');
  }
  static override isInstance(x: unknown): x is CsbsServiceUnavailableError {
    return hasBrand(x, 'CsbsServiceUnavailableError');
  }
}
markBrand(CsbsServiceUnavailableError, 'CsbsServiceUnavailableError');

/** One class per status family, as openai-node's factory does. */
export function createApiError(details: CsbsApiErrorDetails, options?: CsbsErrorOptions): CsbsApiError {
  switch (details.status) {
    case 400:
      return new CsbsBadRequestError(details, options);
    case 401:
      return new CsbsAuthenticationError(details, options);
    case 403:
      return new CsbsPermissionDeniedError(details, options);
    case 404:
      return new CsbsNotFoundError(details, options);
    case 429:
      return new CsbsRateLimitError(details, options);
    case 503:
      return new CsbsServiceUnavailableError(details, options);
    default:
      return details.status >= 500
        ? new CsbsServerError(details, options)
        : new CsbsApiError('CSBS_API_ERROR', details, options);
  }
}
