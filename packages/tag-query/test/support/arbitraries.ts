import type { Match, Tag, TagQuery } from '@csbs-kit/models';
import fc from 'fast-check';
import type { IndexedBackup } from '../../src/tag-index/tag-index.js';

/** A small vocabulary, so that random queries hit random backups often. */
export const keyPool = ['env', 'tier', 'team', 'app', 'owner', 'x-1'] as const;
export const valuePool = ['prod', 'dev', '', 'web', 'db', 'A', 'a'] as const;
export const namePool = ['', 'web-01', 'WEB-02', 'db-Prod', 'Backup of db', 'ß', 'İstanbul'] as const;

/** Rare keys and values (`r1`, `q1`) give the index sparse posting lists next to dense ones. */
export const keyArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...keyPool) },
  { weight: 2, arbitrary: fc.constantFrom('r1', 'r2') },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 4 }) },
);
export const valueArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...valuePool) },
  { weight: 2, arbitrary: fc.constantFrom('q1', 'q2') },
  { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
);

const createdAtArb = fc.option(
  fc.constantFrom(
    '',
    '2024-01-01T00:00:00',
    '2024-01-02T00:00:00',
    '2024-01-02T00:00:01',
    '2023-12-31T23:59:59.5',
  ),
  { nil: undefined },
);

/** Tags as backups carry them; mostly unique keys, sometimes a repeated key or a null value. */
export const resourceTagsArb = fc.array(
  fc.record({
    key: fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...keyPool) },
      { weight: 1, arbitrary: fc.constantFrom('r1', 'r2') },
    ),
    value: fc.option(
      fc.oneof(
        { weight: 8, arbitrary: fc.constantFrom(...valuePool) },
        { weight: 1, arbitrary: fc.constantFrom('q1', 'q2') },
      ),
      { nil: null, freq: 10 },
    ),
  }),
  { maxLength: 5 },
);

/** 50 values per key: with a few hundred backups each key/value pair is rare (a sparse posting list). */
export const wideValuePool = Array.from({ length: 50 }, (_, i) => `w${i}`);

export const wideTagsArb = fc.array(
  fc.record({ key: fc.constantFrom(...keyPool), value: fc.constantFrom(...wideValuePool) }),
  { maxLength: 5 },
);

type TagsArb = fc.Arbitrary<NonNullable<IndexedBackup['tags']>>;

export function backupArb(id: string, tagsArb: TagsArb = resourceTagsArb): fc.Arbitrary<IndexedBackup> {
  return fc.record(
    {
      id: fc.constant(id),
      created_at: createdAtArb,
      name: fc.option(fc.oneof(fc.constantFrom(...namePool), fc.string({ maxLength: 6 })), {
        nil: undefined,
        freq: 8,
      }),
      tags: fc.option(tagsArb, { nil: undefined, freq: 8 }),
    },
    { requiredKeys: ['id'] },
  );
}

/** Backups with unique ids, in no particular order. */
export const backupsArb = (
  maxLength: number,
  tagsArb: TagsArb = resourceTagsArb,
  minLength = 0,
): fc.Arbitrary<IndexedBackup[]> =>
  fc
    // size 'max': fast-check's default size would keep arrays near 10 items whatever maxLength says.
    .uniqueArray(fc.string({ minLength: 1, maxLength: 3 }), { minLength, maxLength, size: 'max' })
    .chain((ids) => fc.tuple(...ids.map((id) => backupArb(id, tagsArb))));

/** One valid entry: a key and 0..3 distinct values. */
export const tagEntryArb: fc.Arbitrary<Tag> = fc.record({
  key: keyArb,
  values: fc.uniqueArray(valueArb, { maxLength: 3 }),
});

/** A valid tag list: 1..4 entries with distinct keys. */
export const tagListArb = fc.uniqueArray(tagEntryArb, {
  minLength: 1,
  maxLength: 4,
  selector: (entry) => entry.key,
});

const matchArb: fc.Arbitrary<Match> = fc.record({
  key: fc.constant('resource_name' as const),
  value: fc.oneof(fc.constantFrom('', 'web', 'DB', 'b', 'SS', 'i̇'), fc.string({ maxLength: 3 })),
});

/** A valid query (trimmed keys need not hold: the evaluator takes keys as given). */
export function tagQueryArbOf(listArb: fc.Arbitrary<Tag[]>): fc.Arbitrary<TagQuery> {
  return fc.record(
    {
      tags: listArb,
      tags_any: listArb,
      not_tags: listArb,
      not_tags_any: listArb,
      matches: fc.array(matchArb, { maxLength: 1 }),
    },
    { requiredKeys: [] },
  );
}

export const tagQueryArb = tagQueryArbOf(tagListArb);

/** Queries over `wideValuePool`, mostly with values (so they read the sparse pair lists). */
export const wideTagQueryArb = tagQueryArbOf(
  fc.uniqueArray(
    fc.record({
      key: fc.constantFrom(...keyPool),
      values: fc.uniqueArray(fc.constantFrom(...wideValuePool), { minLength: 0, maxLength: 4 }),
    }),
    { minLength: 1, maxLength: 3, selector: (entry) => entry.key },
  ),
);

/** Queries using at most two conditions: random full queries match almost nothing. */
export const smallTagQueryArb: fc.Arbitrary<TagQuery> = tagQueryArb.map((query) =>
  Object.fromEntries(Object.entries(query).slice(0, 2)),
);
