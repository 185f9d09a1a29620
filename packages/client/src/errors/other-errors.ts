import { describeFieldIssues, type FieldIssue } from '@csbs-kit/models/errors';
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

/** The field in the API's notation (`tags[2].values[0]`, `limit`, `selector`; `''` for the whole input) and the rule. */
export type ValidationIssue = FieldIssue;

/** Bad input caught locally, before a byte was sent. */
export class CsbsValidationError extends CsbsError {
  readonly issues: ValidationIssue[];

  constructor(issues: ValidationIssue[], options?: CsbsErrorOptions & { what?: string }) {
    super(
      'CSBS_VALIDATION_FAILED',
      `invalid ${options?.what ?? 'input'}: ${describeFieldIssues(issues)}`,
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
      `unexpected response (HTTP ${details.status}; ${details.request.method} ${details.request.url}): ${describeFieldIssues(details.issues)}`,
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

/**
 * A listing walk that would never end: the server answered a page that does not move past
 * the marker sent, or that repeats an id already seen at the edge of an earlier page (a
 * server that ignores `marker`, or loops). Thrown instead of handing out the repeated page.
 */
export class CsbsPaginationError extends CsbsError {
  /** `marker-not-advancing`: the page ends (or starts) with the marker sent; `repeated-page`: an edge id came back. */
  readonly reason: 'marker-not-advancing' | 'repeated-page';
  /** The marker of the request whose page repeated. */
  readonly marker: string | undefined;
  /** The id that came back. */
  readonly repeatedId: string;

  constructor(details: {
    reason: 'marker-not-advancing' | 'repeated-page';
    marker: string | undefined;
    repeatedId: string;
  }) {
    super(
      'CSBS_PAGINATION_LOOP',
      details.reason === 'marker-not-advancing'
        ? `the listing did not move past marker "${details.marker}": the server repeats a page; stopped`
        : `the listing repeated backup "${details.repeatedId}" from an earlier page (marker "${details.marker}"); stopped`,
    );
    this.reason = details.reason;
    this.marker = details.marker;
    this.repeatedId = details.repeatedId;
  }

  static {
    defineClientError(CsbsPaginationError, 'CsbsPaginationError');
  }
}
