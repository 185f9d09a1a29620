import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RankBits } from './rank-bits.js';

describe('RankBits', () => {
  it('reads marked ranks from any start, in both directions, and clears (fast-check)', () => {
    const bits = new RankBits(200);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.nat({ max: 199 }), { maxLength: 40 }),
        fc.integer({ min: -1, max: 205 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 50 }),
        (ranks, from, ascending, take) => {
          for (const rank of ranks) bits.add(rank);
          const seen: number[] = [];
          bits.read(from, ascending, (rank) => {
            seen.push(rank);
            return seen.length < take;
          });
          bits.clear();
          const sorted = [...ranks].sort((a, b) => a - b);
          const expected = ascending
            ? sorted.filter((r) => r >= from)
            : sorted.filter((r) => r <= from).reverse();
          expect(seen).toEqual(expected.slice(0, take));
        },
      ),
      { numRuns: 500 },
    );
  });
});
