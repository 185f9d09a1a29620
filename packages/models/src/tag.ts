import { z } from 'zod';
import { matchKeys } from './enums.js';
import { resourceTagLimits, tagQueryLimits } from './limits.js';

const { maxTagEntries, maxTagValues, maxTagKeyLength, maxTagValueLength, maxMatchValueLength } =
  tagQueryLimits;

const tagKeySchema = z
  .string({ error: 'must be a string' })
  .refine((key) => key.trim().length >= 1, {
    error: 'must not be empty (after trimming spaces)',
    abort: true,
  })
  .refine((key) => key.trim().length <= maxTagKeyLength, {
    error: `at most ${maxTagKeyLength} characters (after trimming spaces)`,
  });

const tagValueSchema = z
  .string({ error: 'must be a string' })
  .refine((value) => value.trim().length <= maxTagValueLength, {
    error: `at most ${maxTagValueLength} characters (after trimming spaces)`,
  });

/** Reports the second and later occurrences of a string, compared after trimming. */
function reportDuplicates(
  items: readonly unknown[],
  pick: (item: unknown) => unknown,
  ctx: z.core.$RefinementCtx,
  describe: (text: string, firstIndex: number) => string,
  pathOf: (index: number) => PropertyKey[],
): void {
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const raw = pick(item);
    if (typeof raw !== 'string') return;
    const text = raw.trim();
    const first = seen.get(text);
    if (first === undefined) seen.set(text, index);
    else ctx.addIssue({ code: 'custom', message: describe(text, first), path: pathOf(index), input: raw });
  });
}

/**
 * One entry of `tags`, `tags_any`, `not_tags` or `not_tags_any`: the resource has a tag with
 * this key and, unless `values` is empty, one of these values.
 */
export const tagSchema = z.strictObject({
  key: tagKeySchema,
  values: z
    .array(tagValueSchema, { error: 'must be a list of strings' })
    .max(maxTagValues, { error: `at most ${maxTagValues} values` })
    .superRefine((values, ctx) =>
      reportDuplicates(
        values,
        (v) => v,
        ctx,
        (v, first) => `duplicate value "${v}" (values must be unique after trimming; first at [${first}])`,
        (i) => [i],
      ),
    ),
});
export type Tag = z.infer<typeof tagSchema>;

/** A list of tag entries as each of the four tag fields takes it. */
export const tagListSchema = z
  .array(tagSchema, { error: 'must be a list of {key, values} entries' })
  .min(1, { error: 'must not be empty when present' })
  .max(maxTagEntries, { error: `at most ${maxTagEntries} entries` })
  .superRefine((tags, ctx) =>
    reportDuplicates(
      tags,
      (t) => (t as { key?: unknown } | null)?.key,
      ctx,
      (k, first) => `duplicate key "${k}" (keys must be unique; first at [${first}])`,
      (i) => [i, 'key'],
    ),
  );

/** A `matches` entry: a search on the backup name (`resource_name`). */
export const matchSchema = z.strictObject({
  key: z.enum(matchKeys, { error: 'must be "resource_name"' }),
  value: z
    .string({ error: 'must be a string' })
    .max(maxMatchValueLength, { error: `at most ${maxMatchValueLength} characters` }),
});
export type Match = z.infer<typeof matchSchema>;

export const matchListSchema = z
  .array(matchSchema, { error: 'must be a list of {key, value} entries' })
  // The tag-query reference page: "This list cannot be an empty list."
  .min(1, { error: 'must not be empty when present' })
  .superRefine((matches, ctx) =>
    reportDuplicates(
      matches,
      (m) => (m as { key?: unknown } | null)?.key,
      ctx,
      (k, first) => `duplicate key "${k}" (keys must be unique; first at [${first}])`,
      (i) => [i, 'key'],
    ),
  );

/**
 * A tag as the service stores it on a backup. Stricter than a query's tag: a query may ask
 * for longer keys and values, which then simply never match.
 */
export const resourceTagSchema = z.strictObject({
  key: z
    .string({ error: 'must be a string' })
    .min(1, { error: 'must not be empty' })
    .max(resourceTagLimits.maxKeyLength, { error: `at most ${resourceTagLimits.maxKeyLength} characters` })
    .regex(resourceTagLimits.pattern, { error: 'only letters, digits, "-" and "_"' }),
  value: z
    .string({ error: 'must be a string' })
    .max(resourceTagLimits.maxValueLength, {
      error: `at most ${resourceTagLimits.maxValueLength} characters`,
    })
    .regex(resourceTagLimits.pattern, { error: 'only letters, digits, "-" and "_"' }),
});
export type ResourceTag = z.infer<typeof resourceTagSchema>;

/** How responses carry tags: the shape, without the storage rules, so odd data still parses. */
export const responseTagSchema = z.looseObject({
  key: z.string(),
  value: z.string().nullish(),
});
