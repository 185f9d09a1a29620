import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RankBits } from './rank-bits.js';

describe('RankBits', () => {
  // 200 ranks: one summary word; 70,000: many, so reads step over empty summary words.
  it.each([200, 70_000])(
    'reads marked ranks from any start, in both directions, and clears, over %i ranks (fast-check)',
    (size) => {
      const bits = new RankBits(size);
      const rank = fc.oneof(fc.nat({ max: size - 1 }), fc.nat({ max: 199 }), fc.constant(size - 1));
      fc.assert(
        fc.property(
          fc.uniqueArray(rank, { maxLength: 40 }),
          fc.oneof(fc.integer({ min: -1, max: size + 5 }), rank),
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
    },
  );
});
