import { type ResourceInstancesRequest, tagQueryLimits } from '@csbs-kit/models';

const { maxTagEntries, maxTagValues, maxTagKeyLength, maxTagValueLength, maxMatchValueLength, maxLimit } =
  tagQueryLimits;

const tagListFields = ['tags', 'tags_any', 'not_tags', 'not_tags_any'] as const;
const requestFields = new Set(['action', ...tagListFields, 'matches', 'limit', 'offset']);
const digits = /^[0-9]+$/;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An object with exactly these two own fields. */
function hasExactly(value: Record<string, unknown>, a: string, b: string): boolean {
  const keys = Object.keys(value);
  return keys.length === 2 && Object.hasOwn(value, a) && Object.hasOwn(value, b);
}

function isPlainTagList(list: unknown): boolean {
  if (!Array.isArray(list) || list.length < 1 || list.length > maxTagEntries) return false;
  const keys = new Set<string>();
  for (const tag of list) {
    if (!isRecord(tag) || !hasExactly(tag, 'key', 'values')) return false;
    const { key, values } = tag;
    if (typeof key !== 'string') return false;
    const trimmed = key.trim();
    if (trimmed.length < 1 || trimmed.length > maxTagKeyLength || keys.has(trimmed)) return false;
    keys.add(trimmed);
    if (!Array.isArray(values) || values.length > maxTagValues) return false;
    for (let i = 0; i < values.length; i++) {
      const value: unknown = values[i];
      if (typeof value !== 'string') return false;
      const text = value.trim();
      if (text.length > maxTagValueLength) return false;
      // Values are few (at most 10): a scan beats a set.
      for (let j = 0; j < i; j++) if ((values[j] as string).trim() === text) return false;
    }
  }
  return true;
}

/** One name search: `matches` keys must be unique and there is one key, so one entry. */
function isPlainMatchList(list: unknown): boolean {
  if (!Array.isArray(list) || list.length !== 1) return false;
  const match: unknown = list[0];
  return (
    isRecord(match) &&
    hasExactly(match, 'key', 'value') &&
    match.key === 'resource_name' &&
    typeof match.value === 'string' &&
    match.value.length <= maxMatchValueLength
  );
}

function isPlainNumber(text: unknown, filter: boolean, check: (n: number) => boolean): boolean {
  if (text === undefined) return true;
  if (typeof text !== 'string' || !digits.test(text)) return false;
  return !filter || check(Number(text));
}

/**
 * The request as `resourceInstancesRequestSchema.safeParse` would give it, when the body is
 * plainly valid (every field of the right shape, no duplicates, within the limits), without
 * the zod pass (~25 µs a tag query in the server); `undefined` for anything else, which the
 * schema then parses and reports. It only ever accepts what the schema accepts, and gives
 * the same data (a property test holds the two together); the schema's output holds the
 * same values, in copies, which nothing here needs, as answering never changes them.
 */
export function plainTagRequest(body: Record<string, unknown>): ResourceInstancesRequest | undefined {
  for (const key in body) if (Object.hasOwn(body, key) && !requestFields.has(key)) return undefined;
  const action = body.action;
  if (action !== 'filter' && action !== 'count') return undefined;
  const filter = action === 'filter';
  if (!isPlainNumber(body.limit, filter, (n) => n >= 1 && n <= maxLimit)) return undefined;
  if (!isPlainNumber(body.offset, filter, Number.isSafeInteger)) return undefined;
  const out: Record<string, unknown> = { action };
  for (const field of tagListFields) {
    const list = body[field];
    if (list === undefined) continue;
    if (!isPlainTagList(list)) return undefined;
    out[field] = list;
  }
  if (body.matches !== undefined) {
    if (!isPlainMatchList(body.matches)) return undefined;
    out.matches = body.matches;
  }
  if (body.limit !== undefined) out.limit = body.limit;
  if (body.offset !== undefined) out.offset = body.offset;
  return out as ResourceInstancesRequest;
}
