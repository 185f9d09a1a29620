import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NameGrams } from './name-grams.js';

const scan = (values: readonly string[], needle: string) =>
  values.flatMap((value, code) => (value.toLowerCase().includes(needle) ? [code] : []));

describe('NameGrams', () => {
  // Enough distinct values for the flat gram table, with non-ASCII ones among them.
  const values = Array.from({ length: 6000 }, (_, i) => {
    const hex = i.toString(16);
    // Some grams stand twice in a value (`web-`, `b-1b-1`), the needle's match at the second.
    return i % 7 === 0
      ? `Straße-${hex}`
      : i % 11 === 0
        ? `DB-İx${hex}`
        : i % 5 === 0
          ? `web-${hex}-web-${hex}${i % 3 === 0 ? 'A' : 'b'}-1b-1`
          : `web-${hex}-${i % 3 === 0 ? 'A' : 'b'}`;
  });
  const grams = new NameGrams(values);
  const small = new NameGrams(values.slice(0, 50));

  it('finds exactly the values a scan finds, large and small (fast-check)', () => {
    const needle = fc.oneof(
      fc.constantFrom(
        'ß',
        'e-1',
        'web',
        'x1',
        'i̇x',
        'aße',
        '-a',
        'ff',
        'db-',
        '7',
        'web-1a',
        'b-1b-1',
        '-web-',
      ),
      fc.string({ minLength: 1, maxLength: 7, unit: fc.constantFrom('a', 'b', '1', '-', 'ß', 'e', 'w') }),
    );
    fc.assert(
      fc.property(needle, (raw) => {
        const lower = raw.toLowerCase();
        expect(Array.from(grams.matching(lower))).toEqual(scan(values, lower));
        expect(Array.from(small.matching(lower))).toEqual(scan(values.slice(0, 50), lower));
      }),
      { numRuns: 1000 },
    );
  });

  it("hands over a gram's posting itself when every value of it holds the needle", () => {
    // Every value holding `str` is a `Straße-…`: the longer needle's answer is that posting.
    expect(grams.matching('straß')).toBe(grams.matching('str'));
    expect(grams.matching('web-1a')).not.toBe(grams.matching('web'));
    expect(grams.isPosting(grams.matching('straß'))).toBe(true);
    expect(grams.isPosting(grams.matching('web-1a'))).toBe(false);
  });
});
