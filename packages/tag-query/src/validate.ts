import { fieldIssuesOf, type Match, type Tag, type TagQuery, tagQuerySchema } from '@csbs-kit/models';
import { TagQueryValidationError } from './errors.js';

const tagListFields = ['tags', 'tags_any', 'not_tags', 'not_tags_any'] as const;

/** The four tag lists of a query, in the order the reference lists them. */
export type TagListField = (typeof tagListFields)[number];
export { tagListFields };

function normaliseTags(tags: readonly Tag[]): Tag[] {
  return tags.map((tag) => ({ key: tag.key.trim(), values: tag.values.map((value) => value.trim()) }));
}

/**
 * Checks every rule of the reference for `tags`, `tags_any`, `not_tags`, `not_tags_any` and
 * `matches`, and returns a fresh query whose tag keys and values are trimmed (the service
 * compares them trimmed). `matches` values are kept as given: a name search for `" db"` is
 * a different search than `"db"`, and the reference does not say they are trimmed.
 *
 * @throws TagQueryValidationError with one issue per broken rule (`tags[2].values: at most 10 values`).
 */
export function validateTagQuery(query: unknown): TagQuery {
  let result: ReturnType<typeof tagQuerySchema.safeParse>;
  try {
    result = tagQuerySchema.safeParse(query);
  } catch (cause) {
    // A proxy or a throwing getter: the input cannot even be read.
    throw new TagQueryValidationError([{ path: '', message: 'could not be read' }], { cause });
  }
  if (!result.success)
    throw new TagQueryValidationError(fieldIssuesOf(result.error), { cause: result.error });
  return normaliseTagQuery(result.data);
}

/**
 * The normalising half of `validateTagQuery`, for conditions that have already passed the
 * models' `tagQueryFields` schemas (as fields of a request body parsed with
 * `resourceInstancesRequestSchema`, say): those schemas only check, never transform, so a
 * second parse of their output finds nothing and costs a zod pass per request.
 */
export function normaliseTagQuery(data: TagQuery): TagQuery {
  const out: TagQuery = {};
  for (const field of tagListFields) {
    const tags = data[field];
    if (tags !== undefined) out[field] = normaliseTags(tags);
  }
  if (data.matches !== undefined) {
    out.matches = data.matches.map((match): Match => ({ key: match.key, value: match.value }));
  }
  return out;
}
