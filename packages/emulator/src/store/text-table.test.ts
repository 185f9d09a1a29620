import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextTable } from './text-table.js';

describe('TextTable', () => {
  it('interns like a Map in order of first appearance, across growth (fast-check)', () => {
    // Short strings over few characters: many repeats; up to 500 distinct, so it grows.
    const text = fc.string({ maxLength: 4, unit: fc.constantFrom('a', 'b', 'c', 'é', '\u0000', '😀') });
    fc.assert(
      fc.property(fc.array(text, { maxLength: 600 }), fc.array(text, { maxLength: 20 }), (texts, probes) => {
        const table = new TextTable();
        const map = new Map<string, number>();
        for (const t of texts) {
          if (!map.has(t)) map.set(t, map.size);
          expect(table.intern(t)).toBe(map.get(t));
        }
        table.trim();
        expect(table.values).toEqual([...map.keys()]);
        for (const t of [...texts, ...probes]) expect(table.codeOf(t)).toBe(map.get(t) ?? -1);
      }),
      { numRuns: 200 },
    );
  });

  it('tells apart strings whose hashes collide', () => {
    // A birthday search finds two texts with one 32-bit hash within a few hundred thousand.
    const seen = new Map<number, string>();
    let pair: [string, string] | undefined;
    for (let i = 0; pair === undefined && i < 2_000_000; i++) {
      const text = `k${i}`;
      const h = TextTable.hash(text);
      const other = seen.get(h);
      if (other === undefined) seen.set(h, text);
      else pair = [other, text];
    }
    expect(pair).toBeDefined();
    const [a, b] = pair!;
    const table = new TextTable();
    expect(table.codeOf(b)).toBe(-1);
    expect(table.intern(a)).toBe(0);
    expect(table.codeOf(b)).toBe(-1);
    expect(table.intern(b)).toBe(1);
    expect([table.codeOf(a), table.codeOf(b)]).toEqual([0, 1]);
  });
});
