import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { radixOrder, rankNumbers } from './rank-numbers.js';

/** Dense ranks the obvious way: sort the distinct values, find each. */
function referenceRanks(values: readonly number[]): number[] {
  const distinct = [...new Set(values)].sort((a, b) => a - b);
  return values.map((v) => distinct.indexOf(v));
}

// Whole numbers across the whole radix range: small ones, times in microseconds, 2^53 - 1,
// and values that differ only in their high or only in their low 32 bits.
const whole = fc.oneof(
  fc.nat({ max: 40 }),
  fc.integer({ min: 1_700_000_000_000_000, max: 1_700_000_000_000_100 }),
  fc.constantFrom(0, 2 ** 32 - 1, 2 ** 32, 2 ** 32 + 1, 2 ** 48, Number.MAX_SAFE_INTEGER),
  fc.maxSafeNat(),
);

describe('rankNumbers', () => {
  it('gives the dense ranks of whole numbers (radix path)', () => {
    fc.assert(
      fc.property(fc.array(whole, { maxLength: 200 }), (values) => {
        expect(Array.from(rankNumbers(Float64Array.from(values)))).toEqual(referenceRanks(values));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the dense ranks of any other numbers (fallback path)', () => {
    const other = fc.oneof(whole, fc.double({ noNaN: true, min: -1e6, max: 1e6 }));
    fc.assert(
      fc.property(fc.array(other, { maxLength: 100 }), (values) => {
        // -0 and 0 are one value to the sort and to `===`.
        const normal = values.map((v) => (Object.is(v, -0) ? 0 : v));
        expect(Array.from(rankNumbers(Float64Array.from(normal)))).toEqual(referenceRanks(normal));
      }),
      { numRuns: 300 },
    );
  });

  it('radixOrder is stable: equal values keep their positions in order', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(5, 2 ** 40, 7, 2 ** 40 + 5), { maxLength: 100 }), (values) => {
        const expected = values
          .map((v, i) => [v, i] as const)
          .sort((a, b) => a[0] - b[0] || a[1] - b[1])
          .map(([, i]) => i);
        expect(Array.from(radixOrder(Float64Array.from(values)))).toEqual(expected);
      }),
    );
  });
});
