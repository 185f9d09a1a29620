// Holds the answers by distinct tags lists (`TagLists`, used when backups share few tags
// lists, as every backup of a server shares the server's) to matchesTagQuery: every way of
// reading a page (a walk of the ranks, a merge of the lists, gathering and sorting) and
// every way of a name search (the passing names listed then counted directly, or per-list
// counts kept for the condition, or the names met in the matching lists tested).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ResourceTagLike } from '../src/evaluate.js';
import { matchesTagQuery } from '../src/evaluate.js';
import { keptConditions } from '../src/tag-index/list-names.js';
import { NameTable } from '../src/tag-index/name-table.js';
import { buildKeyPostings, tagListsPay } from '../src/tag-index/posting-builder.js';
import { type IndexedBackup, TagIndex } from '../src/tag-index/tag-index.js';
import { type AnswerWays, TagLists } from '../src/tag-index/tag-lists.js';
import { namePool, resourceTagsArb, tagQueryArb } from './support/arbitraries.js';
import { expectedOrder } from './support/expected-order.js';

/** Names with shared pieces, so that needles pass many names, few, or none. */
const sharedNameArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...namePool) },
  {
    weight: 6,
    arbitrary: fc
      .tuple(fc.constantFrom('autobk_', 'manualbk_', 'Web-', 'db'), fc.nat({ max: 40 }))
      .map(([prefix, n]) => `${prefix}${n.toString(16)}`),
  },
);

/**
 * Backups that share a few tags lists by identity (a pool of 1–8 lists, or none), with
 * names from a small vocabulary: the shape of a server's backups.
 */
const sharedBackupsArb = (maxLength: number): fc.Arbitrary<IndexedBackup[]> =>
  fc
    .tuple(fc.array(resourceTagsArb, { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: maxLength }))
    .chain(([pool, n]) =>
      fc.tuple(
        ...Array.from({ length: n }, (_, i) =>
          fc.record(
            {
              id: fc.constant(`b${i}`),
              created_at: fc.constantFrom('2024-01-01T00:00:00', '2024-01-02T00:00:00', '2024-01-03'),
              name: fc.option(sharedNameArb, { nil: undefined, freq: 10 }),
              tags: fc.option(
                fc.nat({ max: pool.length - 1 }).map((k) => pool[k]!),
                { nil: undefined, freq: 10 },
              ),
            },
            { requiredKeys: ['id'] },
          ),
        ),
      ),
    );

/** Needles that hit the shared names' pieces, besides the general ones. */
const sharedQueryArb = fc
  .tuple(
    tagQueryArb,
    fc.option(fc.constantFrom('auto', 'bk_', 'BK_1', 'web-', 'db', 'b2', '_a', 'x', 'l'), { nil: undefined }),
  )
  .map(([query, needle]) =>
    needle === undefined ? query : { ...query, matches: [{ key: 'resource_name' as const, value: needle }] },
  );

const pageArb = fc.record({ offset: fc.nat({ max: 60 }), limit: fc.integer({ min: 1, max: 60 }) });

function listsOf(sorted: readonly IndexedBackup[]): TagLists {
  const { listOfRank, lists } = buildKeyPostings(sorted);
  const table = new NameTable(sorted.map((backup) => backup.name));
  return new TagLists(listOfRank, lists as readonly (readonly ResourceTagLike[])[], () => table);
}

const waysArb: fc.Arbitrary<AnswerWays> = fc.record(
  {
    page: fc.constantFrom('walk' as const, 'merge' as const, 'gather' as const, 'ranks' as const),
    names: fc.constantFrom('keep' as const, 'direct' as const, 'test' as const),
  },
  { requiredKeys: [] },
);

describe('TagLists agrees with matchesTagQuery', () => {
  it('in every way of answering (fast-check)', () => {
    fc.assert(
      fc.property(
        sharedBackupsArb(300),
        fc.array(fc.tuple(sharedQueryArb, pageArb, waysArb), { minLength: 1, maxLength: 8 }),
        (backups, asks) => {
          const sorted = expectedOrder(backups);
          const lists = listsOf(sorted);
          for (const [query, page, ways] of asks) {
            const expected = sorted.filter((backup) => matchesTagQuery(query, backup));
            const end = page.offset + page.limit;
            const answer = lists.answer(query, page.offset, end, ways);
            expect(answer.total).toBe(expected.length);
            expect(answer.ranks.map((rank) => sorted[rank])).toEqual(expected.slice(page.offset, end));
            // The same condition again: kept counts, if any, answer it.
            expect(lists.answer(query, 0, 0, { page: ways.page }).total).toBe(expected.length);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('forgets the least recently used of its kept name conditions, and stays right', () => {
    const names = Array.from({ length: 300 }, (_, i) => `name-${i}`);
    const pool: ResourceTagLike[][] = [[{ key: 'env', value: 'prod' }], [{ key: 'env', value: 'dev' }], []];
    const backups: IndexedBackup[] = names.map((name, i) => ({
      id: `b${String(i).padStart(3, '0')}`,
      created_at: '2024-01-01',
      name,
      tags: pool[i % 3]!,
    }));
    const sorted = expectedOrder(backups);
    const lists = listsOf(sorted);
    const needles = Array.from({ length: keptConditions + 40 }, (_, i) => `e-${i}`);
    const query = (needle: string) => ({
      tags: [{ key: 'env', values: ['prod'] }],
      matches: [{ key: 'resource_name' as const, value: needle }],
    });
    const expected = (needle: string) =>
      sorted.filter((backup) => matchesTagQuery(query(needle), backup)).length;
    for (const needle of needles) {
      expect(lists.answer(query(needle), 0, 10, { names: 'keep' }).total).toBe(expected(needle));
      expect(lists.keptNameConditions).toBeLessThanOrEqual(keptConditions);
    }
    expect(lists.keptNameConditions).toBe(keptConditions);
    // The first needles were pushed out; asked again they are counted anew, still right.
    for (const needle of needles) expect(lists.answer(query(needle), 0, 10).total).toBe(expected(needle));
    expect(needles.filter((needle) => expected(needle) > 0).length).toBeGreaterThan(keptConditions / 2);
  });
});

describe('TagIndex over shared tags lists', () => {
  it('agrees with matchesTagQuery, with and without changes since the build (fast-check)', () => {
    fc.assert(
      fc.property(
        sharedBackupsArb(300),
        fc.array(fc.tuple(sharedQueryArb, pageArb), { minLength: 1, maxLength: 6 }),
        fc.nat({ max: 3 }),
        (backups, asks, removals) => {
          const index = new TagIndex(backups);
          const live = new Map(backups.map((backup) => [backup.id, backup]));
          const check = () => {
            const sorted = expectedOrder([...live.values()]);
            for (const [query, page] of asks) {
              const expected = sorted.filter((backup) => matchesTagQuery(query, backup));
              expect(index.count(query)).toBe(expected.length);
              expect(index.select(query, page)).toEqual(
                expected.slice(page.offset, page.offset + page.limit),
              );
              expect(index.selectCounted(query, page)).toEqual({
                total: expected.length,
                backups: expected.slice(page.offset, page.offset + page.limit),
              });
            }
          };
          check();
          // Tombstones and added backups are answered the other way; the result must not change.
          for (const backup of backups.slice(0, removals)) {
            index.remove(backup.id);
            live.delete(backup.id);
          }
          const added = {
            id: 'zz',
            created_at: '2024-01-02T00:00:00',
            name: 'autobk_1',
            tags: backups[0]?.tags,
          };
          index.add(added);
          live.set(added.id, added);
          check();
        },
      ),
      { numRuns: 150 },
    );
  });

  it('answers by lists only when far fewer lists than backups', () => {
    expect(tagListsPay(1_000_000, 5000)).toBe(true);
    expect(tagListsPay(80, 9)).toBe(true);
    expect(tagListsPay(80, 10)).toBe(false);
  });
});
