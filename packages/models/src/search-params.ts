import type { z } from 'zod';
import type { FieldIssue } from './field-issues.js';
import { fieldIssuesOf } from './issues.js';
import {
  type CountCheckpointItemsQuery,
  checkpointItemFilterFields,
  countCheckpointItemsQuerySchema,
  type ListCheckpointItemsQuery,
  listCheckpointItemsQuerySchema,
} from './list-checkpoint-items.js';

const integerParams = new Set(['limit', 'offset']);
const booleanParams = new Set(['all_tenants']);
const booleanWords: Record<string, boolean> = { true: true, false: false, '1': true, '0': false };

const listKeys = new Set(Object.keys(listCheckpointItemsQuerySchema.shape));
const countKeys = new Set(Object.keys(checkpointItemFilterFields));

export type SearchParamsResult<T> = { ok: true; query: T } | { ok: false; issues: FieldIssue[] };

function fromSearchParams<T>(
  params: URLSearchParams,
  keys: Set<string>,
  schema: z.ZodType<T>,
): SearchParamsResult<T> {
  const raw: Record<string, unknown> = {};
  const issues: FieldIssue[] = [];
  for (const [name, value] of params) {
    // Unknown parameters are ignored, as OpenStack services do; the first of a repeated one wins.
    if (!keys.has(name) || name in raw) continue;
    if (integerParams.has(name)) {
      if (!/^[0-9]+$/.test(value)) issues.push({ path: name, message: 'must be a whole number' });
      // Digits past 2^53 are still a whole number: a larger `limit` is served as the page
      // cap and a larger `offset` is past every record, so the largest safe one means the same.
      else raw[name] = Math.min(Number(value), Number.MAX_SAFE_INTEGER);
    } else if (booleanParams.has(name)) {
      const flag = booleanWords[value.toLowerCase()];
      if (flag === undefined) issues.push({ path: name, message: 'must be true or false' });
      else raw[name] = flag;
    } else {
      raw[name] = value;
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  const parsed = schema.safeParse(raw);
  return parsed.success
    ? { ok: true, query: parsed.data }
    : { ok: false, issues: fieldIssuesOf(parsed.error) };
}

/** Reads a listing URL's query string into typed, validated parameters. */
export function listCheckpointItemsQueryFromSearchParams(
  params: URLSearchParams,
): SearchParamsResult<ListCheckpointItemsQuery> {
  return fromSearchParams(params, listKeys, listCheckpointItemsQuerySchema);
}

export function countCheckpointItemsQueryFromSearchParams(
  params: URLSearchParams,
): SearchParamsResult<CountCheckpointItemsQuery> {
  return fromSearchParams(params, countKeys, countCheckpointItemsQuerySchema);
}

/** Writes typed listing parameters as a query string; `undefined` values are left out. */
export function checkpointItemsQueryToSearchParams(
  query: ListCheckpointItemsQuery | CountCheckpointItemsQuery,
): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) params.append(name, String(value));
  }
  return params;
}
