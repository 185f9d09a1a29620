import type { TagQuery } from '@csbs-kit/models';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectedOrder } from '../../test/support/expected-order.js';
import { matchesTagQuery, type ResourceTagLike } from '../evaluate.js';
import { NameTable } from './name-table.js';
import { buildKeyPostings } from './posting-builder.js';
import type { IndexedBackup } from './tag-index.js';
import { type AnswerWays, TagLists } from './tag-lists.js';

const pool: ResourceTagLike[][] = [
  [{ key: 'env', value: 'prod' }],
  [{ key: 'env', value: 'dev' }],
  [{ key: 'team', value: 'data' }],
  [],
];

/**
 * Names of a few letters, so that a needle passes from none to nearly every name (a kept
 * condition counted by the names that pass or by those that fail), in runs of name ids.
 */
const backupsArb = fc
  .array(fc.tuple(fc.stringMatching(/^[abc]{0,3}$/), fc.nat({ max: pool.length - 1 })), { maxLength: 200 })
  .map((rows) =>
    rows.map(
      ([name, list], i): IndexedBackup => ({
        id: `b${String(i).padStart(3, '0')}`,
        created_at: `2024-01-0${1 + (i % 3)}`,
        name,
        tags: pool[list]!,
      }),
    ),
  );

const queryArb: fc.Arbitrary<TagQuery> = fc.record({
  tags: fc.constantFrom<TagQuery['tags']>(
    [],
    [{ key: 'env', values: ['prod'] }],
    [{ key: 'env', values: [] }],
  ),
  matches: fc
    .constantFrom('a', 'b', 'ab', 'c', 'ca', 'abc')
    .map((value) => [{ key: 'resource_name' as const, value }]),
});

describe('ListNames (through TagLists)', () => {
  it('counts and pages a kept condition as the evaluator does, however many names pass (fast-check)', () => {
    fc.assert(
      fc.property(
        backupsArb,
        fc.array(
          fc.tuple(
            queryArb,
            fc.nat({ max: 40 }),
            fc.constantFrom<AnswerWays['page']>(undefined, 'walk', 'merge', 'ranks'),
          ),
          { minLength: 1, maxLength: 6 },
        ),
        (backups, asks) => {
          const sorted = expectedOrder(backups);
          const { listOfRank, lists } = buildKeyPostings(sorted);
          const table = new NameTable(sorted.map((backup) => backup.name));
          const tagLists = new TagLists(listOfRank, lists as ResourceTagLike[][], () => table);
          for (const [query, offset, page] of asks) {
            const expected = sorted.filter((backup) => matchesTagQuery(query, backup));
            const answer = tagLists.answer(query, offset, offset + 10, { names: 'keep', page });
            expect(answer.total).toBe(expected.length);
            expect(answer.ranks.map((rank) => sorted[rank])).toEqual(expected.slice(offset, offset + 10));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
