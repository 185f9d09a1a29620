import {
  fieldIssuesOf,
  resourceInstancesFilterRequestSchema,
  resourceInstancesRequestSchema,
  type TagQuery,
} from '@csbs-kit/models';
import { normaliseTagQuery } from '@csbs-kit/tag-query';
import type { ItemScope } from '../store/item-scope.js';
import type { PooledBody } from '../store/pooled-body.js';
import { invalidParameter } from './invalid-parameter.js';
import { jsonPage } from './json-list.js';

const knownFields = new Set(Object.keys(resourceInstancesFilterRequestSchema.shape));
const conditionFields = ['tags', 'tags_any', 'not_tags', 'not_tags_any', 'matches'] as const;

/**
 * `POST …/csbs_backup/resource_instances/action`: validates the body (the whole body with the
 * models schema, then the conditions normalised by the tag-query package: one zod pass) and answers from
 * the project's TagIndex. Returns the response body: JSON text, or a page in a pooled buffer.
 */
export function answerTagQuery(scope: ItemScope, body: unknown, strict: boolean): PooledBody | string {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalidParameter('body: must be a JSON object');
  }
  let request: Record<string, unknown> = body as Record<string, unknown>;
  if (!strict) {
    request = Object.fromEntries(Object.entries(request).filter(([key]) => knownFields.has(key)));
  }
  const parsed = resourceInstancesRequestSchema.safeParse(request);
  if (!parsed.success) throw invalidParameter(fieldIssuesOf(parsed.error));
  const conditions: Record<string, unknown> = {};
  for (const field of conditionFields)
    if (parsed.data[field] !== undefined) conditions[field] = parsed.data[field];
  // The body's schema holds the conditions' own (`tagQueryFields`), which only check: what
  // passed it would pass `validateTagQuery` unchanged, so only the normalising is left.
  const query = normaliseTagQuery(conditions as TagQuery);
  if (parsed.data.action === 'count') return JSON.stringify({ total_count: scope.countTagQuery(query) });
  const offset = Number(parsed.data.offset ?? '0');
  const limit = Number(parsed.data.limit ?? '1000');
  const { total, rows: page } = scope.tagQueryPage(query, offset, limit);
  return jsonPage(
    '{"resources":',
    page,
    (out, row) => scope.rows.writeResource(out, row),
    `,"total_count":${total}}`,
  );
}
