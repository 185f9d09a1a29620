import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RunCounts } from './run-counts.js';

describe('RunCounts', () => {
  it('counts the lists of a range of positions as reading them one by one does (fast-check)', () => {
    const caseArb = fc
      .record({
        lists: fc.integer({ min: 1, max: 6 }),
        length: fc.nat({ max: 400 }),
        step: fc.integer({ min: 1, max: 60 }),
      })
      .chain(({ lists, length, step }) =>
        fc.record({
          lists: fc.constant(lists),
          step: fc.constant(step),
          listOf: fc.array(fc.nat({ max: lists - 1 }), { minLength: length, maxLength: length }),
          ranges: fc.array(fc.tuple(fc.nat({ max: length }), fc.nat({ max: length }), fc.boolean()), {
            maxLength: 6,
          }),
        }),
      );
    fc.assert(
      fc.property(caseArb, ({ lists, step, listOf, ranges }) => {
        const counts = new RunCounts(Uint16Array.from(listOf), lists, step);
        // Above what the ranges can take away (6 of at most 400 positions): the counts are
        // unsigned, as real counts never go below zero.
        const perList = new Uint32Array(lists).fill(2400);
        const expected = new Array<number>(lists).fill(2400);
        for (const [a, b, add] of ranges) {
          const [from, to] = a <= b ? [a, b] : [b, a];
          counts.count(perList, from, to, add ? 1 : -1);
          for (let j = from; j < to; j++) expected[listOf[j]!]! += add ? 1 : -1;
        }
        expect(Array.from(perList)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
