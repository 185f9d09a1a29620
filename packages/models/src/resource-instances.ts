import { z } from 'zod';
import { checkpointItemSchema } from './checkpoint-item.js';
import { tagQueryLimits } from './limits.js';
import { matchListSchema, responseTagSchema, tagListSchema } from './tag.js';

// `abort` stops the range checks below from adding a second issue for the same bad text.
const digitString = z.string({ error: 'must be a string of decimal digits' }).regex(/^[0-9]+$/, {
  error: 'must be a string of decimal digits',
  abort: true,
});

/** `limit` of a `filter` request: the page size, `"1"`..`"1000"`, default `"1000"`. */
export const tagQueryLimitSchema = digitString.refine(
  (s) => {
    const n = Number(s);
    return n >= 1 && n <= tagQueryLimits.maxLimit;
  },
  { error: `must be between "1" and "${tagQueryLimits.maxLimit}"` },
);

/** `offset` of a `filter` request: records to skip, default `"0"`. */
export const tagQueryOffsetSchema = digitString.refine((s) => Number.isSafeInteger(Number(s)), {
  error: 'must be at most 9007199254740991',
});

/** The tag and name conditions that `filter` and `count` share. */
export const tagQueryFields = {
  tags: tagListSchema.optional(),
  tags_any: tagListSchema.optional(),
  not_tags: tagListSchema.optional(),
  not_tags_any: tagListSchema.optional(),
  matches: matchListSchema.optional(),
};

/** Just the conditions of a tag query, without `action` and paging. */
export const tagQuerySchema = z.strictObject(tagQueryFields);
export type TagQuery = z.infer<typeof tagQuerySchema>;

export const resourceInstancesFilterRequestSchema = z.strictObject({
  action: z.literal('filter'),
  ...tagQueryFields,
  limit: tagQueryLimitSchema.optional(),
  offset: tagQueryOffsetSchema.optional(),
});
export type ResourceInstancesFilterRequest = z.infer<typeof resourceInstancesFilterRequestSchema>;

/** `count` ignores paging, so `limit` and `offset` are accepted as any digit strings. */
export const resourceInstancesCountRequestSchema = z.strictObject({
  action: z.literal('count'),
  ...tagQueryFields,
  limit: digitString.optional(),
  offset: digitString.optional(),
});
export type ResourceInstancesCountRequest = z.infer<typeof resourceInstancesCountRequestSchema>;

/** The body of `POST /v1/{project_id}/csbs_backup/resource_instances/action`. */
export const resourceInstancesRequestSchema = z.discriminatedUnion(
  'action',
  [resourceInstancesFilterRequestSchema, resourceInstancesCountRequestSchema],
  {
    error: (issue) =>
      typeof issue.input === 'object' && issue.input !== null && !Array.isArray(issue.input)
        ? 'must be "filter" or "count"'
        : 'must be a JSON object with an "action" field',
  },
);
export type ResourceInstancesRequest = z.infer<typeof resourceInstancesRequestSchema>;

/** One match of a tag query: the backup itself, under the tag-query names. */
export const resourceSchema = z.looseObject({
  resource_id: z.string(),
  resource_name: z.string().nullish(),
  resource_detail: checkpointItemSchema.nullish(),
  tags: z.array(responseTagSchema).nullish(),
});
export type Resource = z.infer<typeof resourceSchema>;

export const resourceInstancesFilterResponseSchema = z.looseObject({
  resources: z.array(resourceSchema),
  total_count: z.number(),
});
export type ResourceInstancesFilterResponse = z.infer<typeof resourceInstancesFilterResponseSchema>;

export const resourceInstancesCountResponseSchema = z.looseObject({
  total_count: z.number(),
});
export type ResourceInstancesCountResponse = z.infer<typeof resourceInstancesCountResponseSchema>;
