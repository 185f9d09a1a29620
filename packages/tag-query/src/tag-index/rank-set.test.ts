import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { andNotPosting, andPosting, orPosting, postingLength, toPosting } from './posting.js';
import { popcount32, RankSet } from './rank-set.js';

const members = (set: RankSet): number[] => {
  const out: number[] = [];
  set.forEachFrom(0, (rank) => {
    out.push(rank);
    return true;
  });
  return out;
};

/** A universe size and a sorted list of distinct ranks in it. */
const ranksArb = fc.integer({ min: 1, max: 300 }).chain((size) =>
  fc.tuple(
    fc.constant(size),
    fc
      .uniqueArray(fc.nat({ max: size - 1 }), { maxLength: size, size: 'max' })
      .map((r) => r.sort((a, b) => a - b)),
    fc
      .uniqueArray(fc.nat({ max: size - 1 }), { maxLength: size, size: 'max' })
      .map((r) => r.sort((a, b) => a - b)),
  ),
);

describe('RankSet', () => {
  it('popcount32 counts bits', () => {
    expect([0, 1, 0xff, 0x80000000, 0xffffffff, 0x55555555].map(popcount32)).toEqual([0, 1, 8, 1, 32, 16]);
  });

  it('full(size) holds exactly 0..size-1', () => {
    for (const size of [0, 1, 31, 32, 33, 64, 100]) {
      expect(members(RankSet.full(size))).toEqual(Array.from({ length: size }, (_, i) => i));
    }
  });

  it('agrees with a plain Set on every operation and every posting kind', () => {
    fc.assert(
      fc.property(ranksArb, ([size, a, b]) => {
        const inB = new Set(b);
        const and = a.filter((r) => inB.has(r));
        const or = [...new Set([...a, ...b])].sort((x, y) => x - y);
        const andNot = a.filter((r) => !inB.has(r));
        const setB = RankSet.fromRanks(size, b);
        const postings = [
          toPosting(size, b),
          { kind: 'ranks' as const, ranks: Uint32Array.from(b) },
          { kind: 'bits' as const, bits: setB },
        ];
        for (const posting of postings) {
          expect(postingLength(posting)).toBe(b.length);
          const x = RankSet.fromRanks(size, a);
          andPosting(x, posting);
          expect(members(x)).toEqual(and);
          const y = RankSet.fromRanks(size, a);
          orPosting(y, posting);
          expect(members(y)).toEqual(or);
          const z = RankSet.fromRanks(size, a);
          andNotPosting(z, posting);
          expect(members(z)).toEqual(andNot);
        }
        const set = RankSet.fromRanks(size, a);
        expect(set.count()).toBe(a.length);
        expect(set.isEmpty()).toBe(a.length === 0);
        expect(a.every((r) => set.has(r))).toBe(true);
        const cut = Math.floor(size / 3);
        const to = size - Math.floor(size / 5);
        expect(set.countBelow(cut)).toBe(a.filter((r) => r < cut).length);
        expect(set.countBetween(cut, to)).toBe(a.filter((r) => r >= cut && r < to).length);
        const even = RankSet.fromRanks(size, a);
        even.retain((rank) => rank % 2 === 0);
        expect(members(even)).toEqual(a.filter((r) => r % 2 === 0));
        const skip = Math.floor(a.length / 2);
        const fromSkip: number[] = [];
        set.forEachFrom(skip, (rank) => {
          fromSkip.push(rank);
          return fromSkip.length < 7;
        });
        expect(fromSkip).toEqual(a.slice(skip, skip + 7));
      }),
      { numRuns: 300 },
    );
  });

  it('countBetween is right for every range of a small set', () => {
    const ranks = [0, 5, 31, 32, 33, 63, 64, 90];
    const set = RankSet.fromRanks(100, ranks);
    for (let from = 0; from <= 100; from += 1) {
      for (let to = from; to <= 100; to += 7) {
        expect(set.countBetween(from, to)).toBe(ranks.filter((r) => r >= from && r < to).length);
      }
    }
  });
});
