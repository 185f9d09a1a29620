import fc from 'fast-check';
import type {
  ListCheckpointItemsQuery,
  ResourceInstancesFilterRequest,
  SortField,
  Tag,
} from '../src/index.js';

/*
 * Arbitraries that respect every documented rule, built from the wording of docs/api.md rather than
 * from the schemas, so a schema that drifts from the spec fails the properties.
 */

export const tagListNames = ['tags', 'tags_any', 'not_tags', 'not_tags_any'] as const;
export type TagListName = (typeof tagListNames)[number];

// Letters, digits, punctuation, a space, non-ASCII: what tag keys and values meet in practice.
const textChar = fc.constantFrom(...'abcxyzABC019_-.*:/=&é一😀 ');
const padding = fc.constantFrom('', ' ', '  ');

/** A string whose trimmed form has `min..max` characters, with spaces around it sometimes. */
function trimmedText(min: number, max: number): fc.Arbitrary<string> {
  const core = fc.string({ unit: textChar, minLength: min, maxLength: max }).filter((s) => s.trim() === s);
  const long = fc.constant('x'.repeat(max));
  return fc
    .tuple(padding, fc.oneof({ weight: 9, arbitrary: core }, { weight: 1, arbitrary: long }), padding)
    .filter(([, s]) => s.length >= min)
    .map(([before, s, after]) => `${before}${s}${after}`);
}

export const tagKey = trimmedText(1, 127);
export const tagValue = fc.oneof(trimmedText(0, 255), fc.constant(''));

export const tagEntry: fc.Arbitrary<Tag> = fc.record(
  {
    key: tagKey,
    values: fc.uniqueArray(tagValue, { maxLength: 10, selector: (v) => v.trim() }),
  },
  { noNullPrototype: true },
);

export const tagList: fc.Arbitrary<Tag[]> = fc.uniqueArray(tagEntry, {
  minLength: 1,
  maxLength: 10,
  selector: (t) => t.key.trim(),
});

const matchValue = fc.oneof(fc.string({ unit: textChar, maxLength: 40 }), fc.constant('m'.repeat(255)));

export const filterRequest: fc.Arbitrary<ResourceInstancesFilterRequest> = fc.record(
  {
    action: fc.constant('filter' as const),
    tags: tagList,
    tags_any: tagList,
    not_tags: tagList,
    not_tags_any: tagList,
    matches: fc.array(
      fc.record({ key: fc.constant('resource_name' as const), value: matchValue }, { noNullPrototype: true }),
      { minLength: 1, maxLength: 1 },
    ),
    limit: fc.integer({ min: 1, max: 1000 }).map(String),
    offset: fc.oneof(fc.nat().map(String), fc.constant(String(Number.MAX_SAFE_INTEGER))),
  },
  { requiredKeys: ['action'], noNullPrototype: true },
);

export const sortKeyList = ['created_at', 'updated_at', 'name', 'status', 'protected_at', 'id'] as const;

/** A valid `sort` text together with the fields it means (default direction `desc`). */
export const sortText: fc.Arbitrary<{ text: string; fields: SortField[] }> = fc
  .uniqueArray(
    fc.record({
      key: fc.constantFrom(...sortKeyList),
      direction: fc.constantFrom('', ':', ':asc', ':desc'),
      space: fc.constantFrom('', ' '),
    }),
    { minLength: 1, maxLength: 6, selector: (p) => p.key },
  )
  .map((parts) => ({
    text: parts.map((p) => `${p.space}${p.key}${p.direction}`).join(','),
    fields: parts.map((p) => ({
      key: p.key,
      direction: p.direction === ':asc' ? ('asc' as const) : ('desc' as const),
    })),
  }));

/** `YYYY-MM-DDTHH:MM:SS[.ffffff]`, always a real calendar time. */
export const listingTime = fc
  .tuple(
    fc.date({
      min: new Date('0000-01-01T00:00:00Z'),
      max: new Date('9999-12-31T23:59:59Z'),
      noInvalidDate: true,
    }),
    fc.option(fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 6 }), {
      nil: undefined,
    }),
  )
  .map(
    ([date, fraction]) => `${date.toISOString().slice(0, 19)}${fraction === undefined ? '' : `.${fraction}`}`,
  );

const anyText = fc.string({ unit: 'grapheme', maxLength: 20 });

export const listingQuery: fc.Arbitrary<ListCheckpointItemsQuery> = fc.record(
  {
    status: fc.constantFrom(
      'waiting_protect',
      'protecting',
      'available',
      'waiting_restore',
      'restoring',
      'error',
      'waiting_delete',
      'deleting',
      'deleted',
    ),
    limit: fc.integer({ min: 1, max: 1_000_000 }),
    offset: fc.nat(),
    marker: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
    sort: sortText.map((s) => s.text),
    all_tenants: fc.boolean(),
    name: anyText,
    az: anyText,
    resource_id: anyText,
    resource_name: anyText,
    start_time: listingTime,
    end_time: listingTime,
    image_type: anyText,
    policy_id: anyText,
    checkpoint_id: anyText,
    resource_type: anyText,
  },
  { requiredKeys: [], noNullPrototype: true },
);
