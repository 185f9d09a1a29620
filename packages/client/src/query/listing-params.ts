import {
  type CountCheckpointItemsQuery,
  checkpointItemsQueryToSearchParams,
  countCheckpointItemsQuerySchema,
  fieldIssuesOf,
  type ListCheckpointItemsQuery,
  listCheckpointItemsQuerySchema,
} from '@csbs-kit/models';
import type { z } from 'zod';
import { CsbsValidationError } from '../errors/other-errors.js';

function check<S extends z.ZodType>(schema: S, params: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(params ?? {});
  if (!parsed.success) throw new CsbsValidationError(fieldIssuesOf(parsed.error), { what });
  return parsed.data;
}

export function checkListParams(params: unknown): ListCheckpointItemsQuery {
  return check(listCheckpointItemsQuerySchema, params, 'listing parameters');
}

export function checkCountParams(params: unknown): CountCheckpointItemsQuery {
  return check(countCheckpointItemsQuerySchema, params, 'count parameters');
}

/** `?a=1&b=x%20y`: spaces as `%20`, the form the signature's canonical query uses too. */
export function queryString(params: ListCheckpointItemsQuery | CountCheckpointItemsQuery): string {
  const text = checkpointItemsQueryToSearchParams(params).toString().replace(/\+/g, '%20');
  return text === '' ? '' : `?${text}`;
}
