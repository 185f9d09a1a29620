import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flatNames, NameGrams } from './name-grams.js';

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
          const grams = new NameGrams(flatNames(names));
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
    const grams = new NameGrams(flatNames(['autobk_3f2a', 'autobk_ffff', 'manualbk_3f00', 'xy']));
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

  it('finds by its gram place exactly the names that hold a needle of 3 or more characters', () => {
    // Two letters and a wide character: grams stand twice in a name, needles run off its
    // ends, and a gram's place can be too near the start for the needle.
    const word = (minLength: number, maxLength: number) =>
      fc.string({ minLength, maxLength, unit: fc.constantFrom('a', 'b', '\u0130') });
    fc.assert(
      fc.property(
        fc.array(word(0, 12), { maxLength: 30 }),
        fc.oneof(word(3, 7), fc.constantFrom('aba', 'abab', 'baab', 'aaaa')),
        (names, needle) => {
          const grams = new NameGrams(flatNames(names));
          const chosen = grams.choose([needle]);
          if (chosen === null || chosen.at === undefined) {
            // No gram of the needle is in any name: no name holds it.
            expect(chosen?.count ?? 0).toBe(0);
            expect(names.filter((name) => name.includes(needle))).toEqual([]);
            return;
          }
          const out = new Uint32Array(names.length);
          const found = [
            ...out.subarray(0, grams.holding(chosen as typeof chosen & { at: number }, needle, out)),
          ];
          const expected = names.flatMap((name, id) => (name.includes(needle) ? [id] : []));
          expect(found).toEqual(expected);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('checks a name longer than 255 characters at every place of its gram', () => {
    const long = `${'x'.repeat(300)}abcd`;
    const grams = new NameGrams(flatNames([long, 'abcd', 'zabc']));
    const chosen = grams.choose(['abcd'])!;
    const out = new Uint32Array(3);
    expect([
      ...out.subarray(0, grams.holding(chosen as typeof chosen & { at: number }, 'abcd', out)),
    ]).toEqual([0, 1]);
  });

  it('keeps every gram when thousands of them grow its table', () => {
    // ~8000 distinct grams (the table starts with 1024 slots and doubles).
    const names = Array.from({ length: 2000 }, (_, i) => `n${(i * 7919).toString(36)}-${i.toString(20)}`);
    const grams = new NameGrams(flatNames(names));
    const out = new Uint32Array(names.length);
    for (let i = 0; i < names.length; i += 7) {
      const needle = names[i]!.slice(1, 5);
      const chosen = grams.choose([needle])!;
      const found = [
        ...out.subarray(0, grams.holding(chosen as typeof chosen & { at: number }, needle, out)),
      ];
      expect(found).toEqual(names.flatMap((name, id) => (name.includes(needle) ? [id] : [])));
    }
  });
});
