import {
  fieldIssuesOf,
  type ResourceInstancesRequest,
  resourceInstancesFilterRequestSchema,
  resourceInstancesRequestSchema,
  type TagQuery,
} from '@csbs-kit/models';
import { normaliseTagQuery } from '@csbs-kit/tag-query';
import type { ItemScope } from '../store/item-scope.js';
import type { PooledBody } from '../store/pooled-body.js';
import { invalidParameter } from './invalid-parameter.js';
import { jsonPage } from './json-list.js';
import { plainTagRequest } from './plain-tag-request.js';

const knownFields = new Set(Object.keys(resourceInstancesFilterRequestSchema.shape));
const conditionFields = ['tags', 'tags_any', 'not_tags', 'not_tags_any', 'matches'] as const;

function parsedRequest(request: Record<string, unknown>): ResourceInstancesRequest {
  const parsed = resourceInstancesRequestSchema.safeParse(request);
  if (!parsed.success) throw invalidParameter(fieldIssuesOf(parsed.error));
  return parsed.data;
}

/**
 * `POST …/csbs_backup/resource_instances/action`: validates the body (a plainly valid one by `plainTagRequest`, any other
 * with the models schema, then the conditions normalised by the tag-query package: at most one zod pass) and answers from
 * the project's TagIndex. Returns the response body: JSON text, or a page in a pooled buffer.
 */
export function answerTagQuery(scope: ItemScope, body: unknown, strict: boolean): PooledBody | string {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalidParameter('body: must be a JSON object');
  }
  let request: Record<string, unknown> = body as Record<string, unknown>;
  if (!strict && Object.keys(request).some((key) => !knownFields.has(key))) {
    request = Object.fromEntries(Object.entries(request).filter(([key]) => knownFields.has(key)));
  }
  const data = plainTagRequest(request) ?? parsedRequest(request);
  const conditions: Record<string, unknown> = {};
  for (const field of conditionFields) if (data[field] !== undefined) conditions[field] = data[field];
  // The body's schema holds the conditions' own (`tagQueryFields`), which only check: what
  // passed it would pass `validateTagQuery` unchanged, so only the normalising is left.
  const query = normaliseTagQuery(conditions as TagQuery);
  if (data.action === 'count') return JSON.stringify({ total_count: scope.countTagQuery(query) });
  const offset = Number(data.offset ?? '0');
  const limit = Number(data.limit ?? '1000');
  const { total, rows: page } = scope.tagQueryPage(query, offset, limit);
  return jsonPage(
    '{"resources":',
    page,
    (out, row) => scope.rows.writeResource(out, row),
    `,"total_count":${total}}`,
  );
}
