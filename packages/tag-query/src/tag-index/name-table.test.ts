import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { characterBits, NameTable } from './name-table.js';

describe('NameTable', () => {
  it('finds exactly the names that contain every needle, ignoring case', () => {
    const text = fc.string({
      maxLength: 8,
      unit: fc.constantFrom('a', 'B', 'z', '0', '5', '9', '-', 'é', 'İ', 'ß', ' '),
    });
    fc.assert(
      fc.property(
        fc.array(fc.option(text, { nil: undefined }), { maxLength: 20 }),
        fc.array(text, { minLength: 1, maxLength: 2 }),
        (names, rawNeedles) => {
          const table = new NameTable(names);
          const needles = rawNeedles.map((n) => n.toLowerCase());
          const bits = needles.reduce((b, n) => (b | characterBits(n)) >>> 0, 0);
          names.forEach((name, rank) => {
            const expected = needles.every((needle) => (name ?? '').toLowerCase().includes(needle));
            expect(table.contains(rank, needles, bits)).toBe(expected);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives letters their own bits and digits shared ones', () => {
    expect(characterBits('')).toBe(0);
    expect(characterBits('a')).toBe(1);
    expect(characterBits('ab')).toBe(3);
    expect(characterBits('0')).toBe(characterBits('5'));
    expect(characterBits('-')).toBe(2 ** 31);
  });
});
