// Holds each way TagIndex answers a query (one posting list, a sparse list driving
// membership tests, scratch bitsets) to matchesTagQuery, on data large enough for both
// sparse (sorted ranks) and dense (bitset) posting lists, at deep offsets and with tombstones.
import type { Match, Tag, TagQuery } from '@csbs-kit/models';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesTagQuery } from '../src/evaluate.js';
import { type IndexedBackup, TagIndex } from '../src/tag-index/tag-index.js';
import { backupsArb, keyPool, tagQueryArbOf, wideValuePool } from './support/arbitraries.js';
import { expectedOrder } from './support/expected-order.js';

/** `env` is on almost every backup (a bitset); values mix two dense ones and 50 rare ones. */
const mixedValueArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('prod', 'dev') },
  { weight: 2, arbitrary: fc.constantFrom(...wideValuePool) },
);
const mixedTagsArb = fc
  .tuple(
    mixedValueArb,
    fc.array(fc.record({ key: fc.constantFrom(...keyPool), value: mixedValueArb }), { maxLength: 4 }),
  )
  .map(([env, rest]) => [{ key: 'env', value: env }, ...rest]);

const entryArb = (maxValues: number): fc.Arbitrary<Tag> =>
  fc.record({
    key: fc.constantFrom(...keyPool, 'r1'),
    values: fc.uniqueArray(mixedValueArb, { maxLength: maxValues }),
  });
const listArb = fc.uniqueArray(entryArb(2), { minLength: 1, maxLength: 3, selector: (entry) => entry.key });

/** One requirement with at most one value: the answer is a single posting list (or none). */
const singleListQueryArb: fc.Arbitrary<TagQuery> = fc.oneof(
  entryArb(1).map((entry) => ({ tags: [entry] })),
  entryArb(1).map((entry) => ({ tags_any: [entry] })),
);
/** Intersections of sparse and dense lists, with or without the other conditions. */
const mixedQueryArb = fc.oneof(
  listArb.map((tags) => ({ tags })),
  tagQueryArbOf(listArb),
  singleListQueryArb,
);

/**
 * A rare key/value (a sorted-ranks list, the driver) next to dense entries in every other
 * list, so that the membership tests of the driven plan exclude and keep backups often.
 */
const denseEntryArb: fc.Arbitrary<Tag> = fc.record({
  key: fc.constantFrom(...keyPool),
  values: fc.uniqueArray(fc.constantFrom('prod', 'dev'), { maxLength: 2 }),
});
const denseListArb = fc.uniqueArray(denseEntryArb, {
  minLength: 1,
  maxLength: 2,
  selector: (entry) => entry.key,
});
const drivenQueryArb: fc.Arbitrary<TagQuery> = fc
  .record(
    {
      rare: fc.record({
        key: fc.constantFrom(...keyPool),
        value: fc.constantFrom(...wideValuePool.slice(0, 5)),
      }),
      tags: fc.array(denseEntryArb, { maxLength: 1 }),
      tags_any: denseListArb,
      not_tags: denseListArb,
      not_tags_any: denseListArb,
      matches: fc.array(fc.constant<Match>({ key: 'resource_name', value: 'b' }), { maxLength: 1 }),
    },
    { requiredKeys: ['rare'] },
  )
  .map(({ rare, tags = [], ...rest }) => ({
    ...rest,
    tags: [{ key: rare.key, values: [rare.value] }, ...tags.filter((entry) => entry.key !== rare.key)],
  }));

const pageArb = fc.record({ offset: fc.nat({ max: 450 }), limit: fc.integer({ min: 1, max: 40 }) });

/** Checks count, one page, the full answer and the last few matches (a deep offset). */
function expectAgreement(
  index: TagIndex,
  live: readonly IndexedBackup[],
  query: TagQuery,
  page: { offset: number; limit: number },
): void {
  const expected = expectedOrder(live.filter((backup) => matchesTagQuery(query, backup)));
  expect(index.count(query)).toBe(expected.length);
  expect(index.select(query, page)).toEqual(expected.slice(page.offset, page.offset + page.limit));
  expect(index.selectCounted(query, page)).toEqual({
    total: expected.length,
    backups: expected.slice(page.offset, page.offset + page.limit),
  });
  // A first page of one: the total still counts every match past it.
  expect(index.selectCounted(query, { limit: 1 })).toEqual({
    total: expected.length,
    backups: expected.slice(0, 1),
  });
  const deep = Math.max(0, expected.length - 3);
  expect(index.select(query, { offset: deep, limit: 5 })).toEqual(expected.slice(deep));
  expect(index.select(query)).toEqual(expected);
}

describe('TagIndex query plans agree with matchesTagQuery', () => {
  it('for single-list queries, at any offset', () => {
    fc.assert(
      fc.property(
        backupsArb(400, mixedTagsArb, 100),
        fc.array(singleListQueryArb, { minLength: 3, maxLength: 8 }),
        pageArb,
        (backups, queries, page) => {
          const index = new TagIndex(backups);
          for (const query of queries) expectAgreement(index, backups, query, page);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('for intersections of sparse and dense lists, with negations and name matches', () => {
    fc.assert(
      fc.property(
        backupsArb(400, mixedTagsArb, 100),
        fc.array(mixedQueryArb, { minLength: 5, maxLength: 10 }),
        pageArb,
        (backups, queries, page) => {
          const index = new TagIndex(backups);
          for (const query of queries) expectAgreement(index, backups, query, page);
          // Again in reverse: the scratch sets reused by one query must not leak into the next.
          for (const query of [...queries].reverse()) expectAgreement(index, backups, query, page);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('for a rare list driving ALL, ANY, NOT, NOT-ANY and name tests', () => {
    fc.assert(
      fc.property(
        backupsArb(400, mixedTagsArb, 100),
        fc.array(drivenQueryArb, { minLength: 5, maxLength: 10 }),
        pageArb,
        (backups, queries, page) => {
          const index = new TagIndex(backups);
          for (const query of queries) expectAgreement(index, backups, query, page);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('after removals (tombstones, no side list)', () => {
    fc.assert(
      fc.property(
        backupsArb(400, mixedTagsArb, 100).chain((backups) =>
          fc.tuple(fc.constant(backups), fc.subarray(backups.map((backup) => backup.id))),
        ),
        fc.array(fc.oneof(mixedQueryArb, drivenQueryArb, fc.constant({})), { minLength: 3, maxLength: 8 }),
        pageArb,
        ([backups, gone], queries, page) => {
          const index = new TagIndex(backups);
          for (const id of gone) expect(index.remove(id)).toBe(true);
          const removed = new Set(gone);
          const live = backups.filter((backup) => !removed.has(backup.id));
          for (const query of queries) expectAgreement(index, live, query, page);
        },
      ),
      { numRuns: 40 },
    );
  });
});
