import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NameGrams } from './name-grams.js';

// A small alphabet, so that names share grams and needles often hit.
const text = (maxLength: number) =>
  fc.string({ maxLength, unit: fc.constantFrom('a', 'b', '_', '0', '1', 'é', '\u{1F600}') });

describe('NameGrams', () => {
  it('offers every name that contains all the needles (and says when it cannot narrow them)', () => {
    fc.assert(
      fc.property(
        fc.array(text(10), { maxLength: 30 }),
        fc.array(text(5), { minLength: 1, maxLength: 3 }),
        (names, needles) => {
          const grams = new NameGrams(names);
          const offered = new Set<number>();
          const chosen = grams.choose(needles);
          expect(chosen !== null).toBe(needles.some((needle) => needle.length >= 2));
          if (chosen === null) return;
          let visits = 0;
          grams.visit(chosen.grams, (id) => {
            offered.add(id);
            visits++;
          });
          expect(visits).toBe(chosen.count);
          names.forEach((name, id) => {
            if (needles.every((needle) => name.includes(needle))) expect(offered.has(id), name).toBe(true);
          });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('offers only the names of the rarest gram', () => {
    const grams = new NameGrams(['autobk_3f2a', 'autobk_ffff', 'manualbk_3f00', 'xy']);
    const offer = (needles: string[]) => {
      const ids: number[] = [];
      grams.visit(grams.choose(needles)?.grams ?? [], (id) => ids.push(id));
      return [...new Set(ids)].sort();
    };
    expect(offer(['k_3f'])).toEqual([0, 2]);
    expect(offer(['bk_', 'ual'])).toEqual([2]);
    expect(offer(['xy'])).toEqual([3]);
    expect(offer(['zzz'])).toEqual([]);
  });
});
