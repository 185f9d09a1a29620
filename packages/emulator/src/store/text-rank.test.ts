import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankTexts } from './text-rank.js';

const rankBy = (values: string[]) => {
  const distinct = [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return values.map((v) => distinct.indexOf(v));
};

describe('rankTexts', () => {
  it('ranks like a comparator sort, on the prefix-key path (fast-check)', () => {
    const text = fc.string({
      maxLength: 60,
      unit: fc.constantFrom('a', 'b', 'B', '0', '9', '-', '\u0000', 'é', '\uffff', '\ud83d', ':'),
    });
    fc.assert(
      fc.property(fc.array(text, { maxLength: 80 }), (values) => {
        // A threshold of 0 forces the prefix keys, even for short lists.
        expect(Array.from(rankTexts(values, 0))).toEqual(rankBy(values));
        expect(Array.from(rankTexts(values))).toEqual(rankBy(values));
      }),
      { numRuns: 400 },
    );
  });

  it('orders timestamps and uuids that agree on long prefixes', () => {
    const values = Array.from({ length: 5000 }, (_, i) =>
      i % 2 === 0
        ? `2025-01-01T00:00:00.${String(i % 997).padStart(6, '0')}`
        : `0000000000-${String(i).padStart(30, '0')}`,
    );
    expect(Array.from(rankTexts(values))).toEqual(rankBy(values));
  });
});
