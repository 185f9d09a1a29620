import { CsbsError, type CsbsErrorOptions, defineClientError } from './base.js';
import type { RedactedRequest } from './redacted-request.js';

/** No answer: the connection was refused, reset or cut before the response ended. */
export class CsbsConnectionError extends CsbsError {
  readonly request: RedactedRequest;
  /** The socket-level code (`ECONNRESET`, `UND_ERR_SOCKET`, …) when there is one. */
  readonly causeCode: string | undefined;

  constructor(
    message: string,
    details: { request: RedactedRequest; causeCode?: string | undefined; retryable: boolean },
    options?: CsbsErrorOptions,
  ) {
    super('CSBS_CONNECTION_FAILED', message, { ...options, retryable: details.retryable });
    this.request = details.request;
    this.causeCode = details.causeCode;
  }

  static {
    defineClientError(CsbsConnectionError, 'CsbsConnectionError');
  }
}

/**
 * A time limit passed: `attempt` (one request, `timeoutMs`; retried) or `total` (the whole
 * call including retries, `totalTimeoutMs`; final).
 */
export class CsbsTimeoutError extends CsbsError {
  readonly request: RedactedRequest;
  readonly kind: 'attempt' | 'total';
  readonly timeoutMs: number;

  constructor(
    details: { request: RedactedRequest; kind: 'attempt' | 'total'; timeoutMs: number },
    options?: CsbsErrorOptions,
  ) {
    super(
      'CSBS_TIMEOUT',
      `${details.kind === 'total' ? 'call' : 'request'} timed out after ${details.timeoutMs} ms (${details.request.method} ${details.request.url})`,
      // An attempt's timeout may pass next time; the whole call's is final.
      { ...options, retryable: details.kind === 'attempt' },
    );
    this.request = details.request;
    this.kind = details.kind;
    this.timeoutMs = details.timeoutMs;
  }

  static {
    defineClientError(CsbsTimeoutError, 'CsbsTimeoutError');
  }
}

export interface ValidationIssue {
  /** The field in the API's notation: `tags[2].values[0]`, `limit`, `selector`; `''` for the whole input. */
  path: string;
  message: string;
}

function describeIssues(issues: readonly ValidationIssue[]): string {
  return issues.map((i) => (i.path === '' ? i.message : `${i.path}: ${i.message}`)).join('; ');
}

/** Bad input caught locally, before a byte was sent. */
export class CsbsValidationError extends CsbsError {
  readonly issues: ValidationIssue[];

  constructor(issues: ValidationIssue[], options?: CsbsErrorOptions & { what?: string }) {
    super(
      'CSBS_VALIDATION_FAILED',
      `invalid ${options?.what ?? 'input'}: ${describeIssues(issues)}`,
      options,
    );
    this.issues = issues;
  }

  static {
    defineClientError(CsbsValidationError, 'CsbsValidationError');
  }
}

/** A successful status whose body is not JSON or does not have the documented shape. */
export class CsbsResponseValidationError extends CsbsError {
  readonly issues: ValidationIssue[];
  readonly status: number;
  readonly requestId: string | undefined;
  readonly request: RedactedRequest;

  constructor(
    details: {
      issues: ValidationIssue[];
      status: number;
      requestId: string | undefined;
      request: RedactedRequest;
    },
    options?: CsbsErrorOptions,
  ) {
    super(
      'CSBS_RESPONSE_INVALID',
      `unexpected response (HTTP ${details.status}; ${details.request.method} ${details.request.url}): ${describeIssues(details.issues)}`,
      options,
    );
    this.issues = details.issues;
    this.status = details.status;
    this.requestId = details.requestId;
    this.request = details.request;
  }

  static {
    defineClientError(CsbsResponseValidationError, 'CsbsResponseValidationError');
  }
}
