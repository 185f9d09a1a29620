import { fieldIssuesOf, safeParseResponse } from '@csbs-kit/models';
import type { z } from 'zod';
import { CsbsResponseValidationError } from '../errors/other-errors.js';
import type { RawResponse } from './execute.js';

/**
 * Parses and validates a successful response; a wrong shape is a typed error naming the field.
 * `safeParseResponse` answers the common case (a valid page) with a generated check and hands
 * back the parsed JSON itself; only a bad body (or a schema with rules) goes through zod.
 * That is what keeps a 1000-item page at ~1 ms of validation instead of ~8 ms.
 */
export function parseJsonBody<S extends z.ZodType>(response: RawResponse, schema: S): z.output<S> {
  return validateJsonBody(response, parseJson(response), schema);
}

/** Validates a body the caller has already parsed (as `JSON.parse(response.bodyText)` would). */
export function validateJsonBody<S extends z.ZodType>(
  response: RawResponse,
  json: unknown,
  schema: S,
): z.output<S> {
  const parsed = safeParseResponse(schema, json);
  if (!parsed.success) throw invalid(response, fieldIssuesOf(parsed.error));
  return parsed.data;
}

/** The body as JSON; an empty or non-JSON body is a response validation error. */
export function parseJson(response: RawResponse): unknown {
  try {
    return JSON.parse(response.bodyText);
  } catch {
    throw invalid(response, [
      { path: '', message: response.bodyText.trim() === '' ? 'empty body' : 'body is not JSON' },
    ]);
  }
}

function invalid(response: RawResponse, issues: { path: string; message: string }[]) {
  return new CsbsResponseValidationError({
    issues,
    status: response.status,
    requestId: response.requestId,
    request: response.request,
  });
}
