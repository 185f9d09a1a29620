import {
  fieldIssuesOf,
  type Match,
  type ResourceInstancesCountRequest,
  type ResourceInstancesFilterRequest,
  resourceInstancesRequestSchema,
  type TagQuery,
} from '@csbs-kit/models';
import {
  parseSelector,
  SelectorSyntaxError,
  TagQueryValidationError,
  validateTagQuery,
} from '@csbs-kit/tag-query';
import { CsbsValidationError } from '../errors/other-errors.js';

/** A tag query as the wire object, or as a selector string (`env=prod,!legacy`) plus optional `matches`. */
export type ResourceQuery = TagQuery | { selector: string; matches?: Match[] };

export interface ResourcePaging {
  limit?: number | string;
  offset?: number | string;
}

const what = { what: 'tag query' };

function selectorQuery(query: Record<string, unknown>): Record<string, unknown> {
  const unknownKeys = Object.keys(query).filter((k) => k !== 'selector' && k !== 'matches');
  if (unknownKeys.length > 0) {
    throw new CsbsValidationError(
      unknownKeys.map((k) => ({
        path: k,
        message: 'unknown field (a selector query takes selector and matches)',
      })),
      what,
    );
  }
  if (typeof query.selector !== 'string') {
    throw new CsbsValidationError([{ path: 'selector', message: 'must be a string' }], what);
  }
  let parsed: TagQuery;
  try {
    parsed = parseSelector(query.selector);
  } catch (error) {
    if (SelectorSyntaxError.isInstance(error)) {
      throw new CsbsValidationError([{ path: 'selector', message: error.message }], {
        ...what,
        cause: error,
      });
    }
    if (TagQueryValidationError.isInstance(error)) {
      throw new CsbsValidationError(
        error.issues.map((i) => ({ path: i.path === '' ? 'selector' : i.path, message: i.message })),
        { ...what, cause: error },
      );
    }
    throw error;
  }
  return query.matches === undefined ? { ...parsed } : { ...parsed, matches: query.matches };
}

/** The conditions of a query, validated and normalised (trimmed) by tag-query's rules. */
export function normaliseTagQuery(query: ResourceQuery): TagQuery {
  if (typeof query !== 'object' || query === null || Array.isArray(query)) {
    throw new CsbsValidationError([{ path: '', message: 'must be an object' }], what);
  }
  const conditions = 'selector' in query ? selectorQuery(query as Record<string, unknown>) : query;
  try {
    return validateTagQuery(conditions);
  } catch (error) {
    if (TagQueryValidationError.isInstance(error)) {
      throw new CsbsValidationError(
        error.issues.map((i) => ({ path: i.path, message: i.message })),
        { ...what, cause: error },
      );
    }
    throw error;
  }
}

/** Writes `limit`/`offset` as the decimal strings the API takes; other values fail validation below. */
function pagingText(value: number | string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
    ? String(value)
    : (value as string);
}

function checkRequest<T>(body: Record<string, unknown>): T {
  const parsed = resourceInstancesRequestSchema.safeParse(body);
  if (!parsed.success) throw new CsbsValidationError(fieldIssuesOf(parsed.error), what);
  return parsed.data as T;
}

export function filterRequest(conditions: TagQuery, paging: ResourcePaging): ResourceInstancesFilterRequest {
  const body: Record<string, unknown> = { action: 'filter', ...conditions };
  const limit = pagingText(paging.limit);
  const offset = pagingText(paging.offset);
  if (limit !== undefined) body.limit = limit;
  if (offset !== undefined) body.offset = offset;
  return checkRequest<ResourceInstancesFilterRequest>(body);
}

export function countRequest(conditions: TagQuery): ResourceInstancesCountRequest {
  return checkRequest<ResourceInstancesCountRequest>({ action: 'count', ...conditions });
}

/** Splits `{...query, limit, offset}` as `filterResources` receives it. */
export function splitPaging(input: ResourceQuery & ResourcePaging): {
  query: ResourceQuery;
  paging: ResourcePaging;
} {
  if (typeof input !== 'object' || input === null) return { query: input, paging: {} };
  const { limit, offset, ...query } = input as ResourceQuery & ResourcePaging;
  const paging: ResourcePaging = {};
  if (limit !== undefined) paging.limit = limit;
  if (offset !== undefined) paging.offset = offset;
  return { query: query as ResourceQuery, paging };
}

/** A paginator's `offset` or `limit` as a number (digit strings accepted); `fallback` when absent. */
export function pagingNumber(
  value: number | string | undefined,
  path: string,
  fallback: number,
  min = 0,
): number {
  if (value === undefined) return fallback;
  const n = typeof value === 'string' && /^[0-9]+$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < min) {
    throw new CsbsValidationError([{ path, message: `must be a whole number >= ${min}` }], what);
  }
  return n;
}
