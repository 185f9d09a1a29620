import { CsbsError, type CsbsErrorOptions, defineClientError } from './base.js';
import type { RedactedRequest } from './redacted-request.js';

export interface CsbsApiErrorDetails {
  status: number;
  errorCode: string | undefined;
  errorMsg: string | undefined;
  requestId: string | undefined;
  request: RedactedRequest;
  /** Milliseconds the server asked us to wait (`Retry-After`), when it said. */
  retryAfterMs?: number | undefined;
  /** Whether the service could answer differently next time: the transport's retry policy says. */
  retryable: boolean;
}

/** The machine-readable `code` of each status class; a class without one falls back to its parent's. */
const codeOfClass = new WeakMap<object, string>();

function codeFor(errorClass: object): string {
  for (let c: object | null = errorClass; c !== null; c = Object.getPrototypeOf(c)) {
    const code = codeOfClass.get(c);
    if (code !== undefined) return code;
  }
  return 'CSBS_API_ERROR';
}

/** Names, brands and gives a code to one status class: its whole definition. */
function defineStatusError(errorClass: typeof CsbsApiError, name: string, code: string): void {
  defineClientError(errorClass, name);
  codeOfClass.set(errorClass, code);
}

/** The service answered with an error status. Subclasses by status, from `createApiError`. */
export class CsbsApiError extends CsbsError {
  readonly status: number;
  /** `CSBS.9001`, `APIGW.0301`, …, from any of the three error body shapes. */
  readonly errorCode: string | undefined;
  readonly errorMsg: string | undefined;
  /** From `X-Request-Id`, else from the body. */
  readonly requestId: string | undefined;
  readonly request: RedactedRequest;
  readonly retryAfterMs: number | undefined;

  constructor(details: CsbsApiErrorDetails, options: CsbsErrorOptions = {}) {
    super(codeFor(new.target), describe(details), { ...options, retryable: details.retryable });
    this.status = details.status;
    this.errorCode = details.errorCode;
    this.errorMsg = details.errorMsg;
    this.requestId = details.requestId;
    this.request = details.request;
    this.retryAfterMs = details.retryAfterMs;
  }

  static {
    defineStatusError(CsbsApiError, 'CsbsApiError', 'CSBS_API_ERROR');
  }
}

function describe(d: CsbsApiErrorDetails): string {
  const what = [d.errorCode, d.errorMsg].filter((s) => s !== undefined && s !== '').join(': ');
  const id = d.requestId === undefined ? '' : `, request id ${d.requestId}`;
  return `${what === '' ? 'request failed' : what} (HTTP ${d.status}${id}; ${d.request.method} ${d.request.url})`;
}

// biome-ignore format: one line per status class
export class CsbsBadRequestError extends CsbsApiError { static { defineStatusError(CsbsBadRequestError, 'CsbsBadRequestError', 'CSBS_BAD_REQUEST'); } }
// biome-ignore format: one line per status class
export class CsbsAuthenticationError extends CsbsApiError { static { defineStatusError(CsbsAuthenticationError, 'CsbsAuthenticationError', 'CSBS_AUTHENTICATION_FAILED'); } }
// biome-ignore format: one line per status class
export class CsbsPermissionDeniedError extends CsbsApiError { static { defineStatusError(CsbsPermissionDeniedError, 'CsbsPermissionDeniedError', 'CSBS_PERMISSION_DENIED'); } }
// biome-ignore format: one line per status class
export class CsbsNotFoundError extends CsbsApiError { static { defineStatusError(CsbsNotFoundError, 'CsbsNotFoundError', 'CSBS_NOT_FOUND'); } }
// biome-ignore format: one line per status class
export class CsbsRateLimitError extends CsbsApiError { static { defineStatusError(CsbsRateLimitError, 'CsbsRateLimitError', 'CSBS_RATE_LIMITED'); } }
// biome-ignore format: one line per status class
export class CsbsServerError extends CsbsApiError { static { defineStatusError(CsbsServerError, 'CsbsServerError', 'CSBS_SERVER_ERROR'); } }
// biome-ignore format: one line per status class
export class CsbsServiceUnavailableError extends CsbsServerError { static { defineStatusError(CsbsServiceUnavailableError, 'CsbsServiceUnavailableError', 'CSBS_SERVICE_UNAVAILABLE'); } }

const classOfStatus: Readonly<Record<number, typeof CsbsApiError>> = {
  400: CsbsBadRequestError,
  401: CsbsAuthenticationError,
  403: CsbsPermissionDeniedError,
  404: CsbsNotFoundError,
  429: CsbsRateLimitError,
  503: CsbsServiceUnavailableError,
};

/** One class per status family, as openai-node's `APIError.generate` does. */
export function createApiError(details: CsbsApiErrorDetails, options?: CsbsErrorOptions): CsbsApiError {
  const ErrorClass =
    classOfStatus[details.status] ?? (details.status >= 500 ? CsbsServerError : CsbsApiError);
  return new ErrorClass(details, options);
}
