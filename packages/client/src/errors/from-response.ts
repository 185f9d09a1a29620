import { readErrorBody } from '@csbs-kit/models';
import { type CsbsApiError, type CsbsApiErrorDetails, createApiError } from './api-error.js';
import type { RedactedRequest } from './redacted-request.js';

/** Longest piece of a non-JSON error body kept as `errorMsg` (an HTML error page can be large). */
const maxSnippet = 300;

export interface ErrorResponse {
  status: number;
  /** The `X-Request-Id` header, when there was one. */
  requestIdHeader: string | undefined;
  retryAfterMs: number | undefined;
  bodyText: string;
  request: RedactedRequest;
}

/**
 * What an error response says, from any of the three body shapes; a body that is not JSON
 * (a proxy's HTML page) keeps a trimmed snippet as the message, and an empty body leaves
 * code and message undefined. Whether it is retryable is for the caller (the transport's
 * retry policy) to say, so errors never depend on the transport.
 */
export function errorFromResponse(
  response: ErrorResponse,
  isRetryable: (details: Omit<CsbsApiErrorDetails, 'retryable'>) => boolean = () => false,
): CsbsApiError {
  const text = response.bodyText.trim();
  let details: ReturnType<typeof readErrorBody>;
  let snippet: string | undefined;
  if (text !== '') {
    try {
      details = readErrorBody(JSON.parse(text));
    } catch {
      details = undefined;
    }
    if (details === undefined) snippet = text.length > maxSnippet ? `${text.slice(0, maxSnippet)}…` : text;
  }
  const facts = {
    status: response.status,
    errorCode: details?.code,
    errorMsg: details?.message ?? snippet,
    requestId: response.requestIdHeader ?? details?.requestId,
    request: response.request,
    retryAfterMs: response.retryAfterMs,
  };
  return createApiError({ ...facts, retryable: isRetryable(facts) });
}
