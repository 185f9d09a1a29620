import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortRanks } from './rank-sort.js';

describe('sortRanks', () => {
  it('sorts like a numeric sort, whatever the bound needs of passes (fast-check)', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 2 ** 32 })
          .chain((below) =>
            fc.tuple(
              fc.constant(below),
              fc.array(fc.integer({ min: 0, max: below - 1 }), { maxLength: 300 }),
            ),
          ),
        ([below, ranks]) => {
          const values = Uint32Array.from(ranks);
          sortRanks(values, new Uint32Array(values.length + 3), below);
          expect(Array.from(values)).toEqual([...ranks].sort((a, b) => a - b));
        },
      ),
      { numRuns: 500 },
    );
  });
});
