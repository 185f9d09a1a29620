import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { characterBits } from './character-bits.js';
import { flatNames } from './name-grams.js';
import { textOrder } from './name-order.js';
import { NameTable } from './name-table.js';
import { RankSet } from './rank-set.js';

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

  it('answers repeated names from its memo, fresh for every set of needles', () => {
    const text = fc.string({ maxLength: 6, unit: fc.constantFrom('a', 'B', 'z', '0', '-', 'İ') });
    const needleSets = fc.array(fc.array(text, { minLength: 1, maxLength: 2 }), {
      minLength: 1,
      maxLength: 4,
    });
    fc.assert(
      fc.property(
        // Few distinct names over many ranks, so most ranks share a name with another.
        fc.array(fc.option(text, { nil: undefined }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.nat(), { maxLength: 70 }),
        fc.array(fc.nat(), { maxLength: 70 }),
        needleSets,
        (pool, picks, members, sets) => {
          const names = picks.map((k) => pool[k % pool.length]);
          const table = new NameTable(names);
          const cases = sets.map((raw) => {
            const needles = raw.map((n) => n.toLowerCase());
            const bits = needles.reduce((b, n) => (b | characterBits(n)) >>> 0, 0);
            const expected = (rank: number) =>
              needles.every((needle) => (names[rank] ?? '').toLowerCase().includes(needle));
            return { needles, bits, expected };
          });
          // Each kind of call in its own pass, so every call follows one with other needles.
          for (const { needles, bits, expected } of cases) {
            const test = table.matcher(needles, bits);
            for (let rank = 0; rank < names.length; rank++) expect(test(rank)).toBe(expected(rank));
          }
          for (const { needles, bits, expected } of cases) {
            const before = RankSet.fromRanks(
              names.length,
              members.map((m) => m % Math.max(1, names.length)).filter((r) => r < names.length),
            );
            // 'cheaper' twice: the second call may answer from the ranks kept for a broad needle.
            for (const way of ['walk', 'names', 'cheaper', 'cheaper'] as const) {
              const kept = before.clone();
              table.retainMatching(kept, needles, bits, new RankSet(names.length), way);
              for (let rank = 0; rank < names.length; rank++)
                expect(kept.has(rank)).toBe(before.has(rank) && expected(rank));
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('lists the names that pass a condition (matchingNames), exact grams or tested', () => {
    // Three letters, so that a needle's grams often stand in a name apart from each other
    // ("abca" holds "abc" and "bca" but not "abcb").
    const text = (minLength: number, maxLength: number) =>
      fc.string({ minLength, maxLength, size: 'max', unit: fc.constantFrom('a', 'B', 'c', 'İ') });
    fc.assert(
      fc.property(
        fc.array(fc.option(text(0, 8), { nil: undefined }), { maxLength: 40 }),
        fc.oneof(fc.array(text(1, 5), { minLength: 1, maxLength: 2 }), fc.constant('empty' as const)),
        (names, raw) => {
          const table = new NameTable(names);
          const distinct = (wanted: (name: string) => boolean) =>
            [...new Set(names.map((name) => name ?? ''))].filter(wanted).sort();
          const found = (condition: Parameters<NameTable['matchingNames']>[0]) =>
            [...table.matchingNames(condition)].map((id) => table.lowerNames[id]!).sort();
          if (raw === 'empty') {
            expect(found('empty')).toEqual(distinct((name) => name === ''));
            return;
          }
          const needles = raw.map((n) => n.toLowerCase());
          const bits = needles.reduce((b, n) => (b | characterBits(n)) >>> 0, 0);
          const expected = distinct((name) => needles.every((needle) => name.toLowerCase().includes(needle)));
          expect(found({ needles, bits })).toEqual(expected.map((name) => name.toLowerCase()).sort());
        },
      ),
      { numRuns: 400 },
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

describe('textOrder', () => {
  it('orders names by their text, ties by index, as a comparison sort does (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-c_é]{0,6}$/), { maxLength: 80 }), (names) => {
        const expected = names
          .map((_, i) => i)
          .sort((a, b) => (names[a]! < names[b]! ? -1 : names[a]! > names[b]! ? 1 : a - b));
        expect(Array.from(textOrder(flatNames(names)))).toEqual(expected);
      }),
    );
  });
});
