import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allTest, postingTest, sortedRanksTest, unionTest } from './query-plan.js';
import { RankSet } from './rank-set.js';

/** A sorted list of distinct ranks below 2000 and an ascending sequence of questions. */
const caseArb = fc.tuple(
  fc.uniqueArray(fc.nat({ max: 1999 }), { maxLength: 300 }).map((r) => r.sort((a, b) => a - b)),
  fc.uniqueArray(fc.nat({ max: 2100 }), { maxLength: 300 }).map((r) => r.sort((a, b) => a - b)),
);

describe('rank tests', () => {
  it('sortedRanksTest answers ascending questions like a Set (gallop and binary search)', () => {
    fc.assert(
      fc.property(caseArb, ([ranks, questions]) => {
        const test = sortedRanksTest(Uint32Array.from(ranks));
        const members = new Set(ranks);
        for (const q of questions) expect(test(q)).toBe(members.has(q));
      }),
      { numRuns: 300 },
    );
  });

  it('skipped questions do not disturb the cursor', () => {
    const test = sortedRanksTest(Uint32Array.from([1, 2, 3, 100, 1000, 1001]));
    expect([0, 3, 999, 1001, 1002].map(test)).toEqual([false, true, false, true, false]);
    expect(sortedRanksTest(new Uint32Array(0))(0)).toBe(false);
  });

  it('postingTest, unionTest and allTest combine both posting kinds', () => {
    const sparse = { kind: 'ranks' as const, ranks: Uint32Array.from([2, 40, 41]) };
    const dense = { kind: 'bits' as const, bits: RankSet.fromRanks(64, [1, 2, 3, 40]) };
    const ranks = Array.from({ length: 64 }, (_, i) => i);
    expect(ranks.filter(postingTest(dense))).toEqual([1, 2, 3, 40]);
    expect(ranks.filter(unionTest([sparse, dense]))).toEqual([1, 2, 3, 40, 41]);
    expect(ranks.filter(unionTest([]))).toEqual([]);
    expect(ranks.filter(allTest([postingTest(sparse), postingTest(dense)]))).toEqual([2, 40]);
  });
});

describe('RankSet in-place refills', () => {
  it('fillAll, clear and copyFrom reuse the same words', () => {
    const set = RankSet.fromRanks(70, [5, 69]);
    const words = set.words;
    expect(set.fillAll().count()).toBe(70);
    expect(set.clear().isEmpty()).toBe(true);
    expect(set.copyFrom(RankSet.fromRanks(70, [0, 33])).count()).toBe(2);
    expect(set.words).toBe(words);
  });
});
