import type { SortField } from '@csbs-kit/models';
import { sortKeys } from '@csbs-kit/models';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankNumbers } from './rank-numbers.js';
import { buildSortView, type ValueRanks, viewOrderOf } from './sort-views.js';

/** Rows with a few distinct ranks per key (many ties) and unique id ranks. */
const ranksArb = fc.integer({ min: 0, max: 60 }).chain((n) =>
  fc
    .record({
      id: fc.shuffledSubarray(
        Array.from({ length: n }, (_, i) => i),
        { minLength: n, maxLength: n },
      ),
      ...Object.fromEntries(
        sortKeys
          .filter((key) => key !== 'id')
          .map((key) => [key, fc.array(fc.nat({ max: 4 }), { minLength: n, maxLength: n })]),
      ),
    })
    .map(
      (raw) =>
        Object.fromEntries(
          Object.entries(raw).map(([key, values]) => [key, Uint32Array.from(values as number[])]),
        ) as unknown as ValueRanks,
    ),
);
const sortArb: fc.Arbitrary<SortField[]> = fc.array(
  fc.record({
    key: fc.constantFrom(...sortKeys),
    direction: fc.constantFrom('asc' as const, 'desc' as const),
  }),
  { minLength: 1, maxLength: 3 },
);

describe('buildSortView', () => {
  it('orders rows as a comparator over the ranks does, and rankOf inverts order', () => {
    fc.assert(
      fc.property(ranksArb, fc.array(sortArb, { minLength: 1, maxLength: 4 }), (ranks, sorts) => {
        // Several views over the same ranks, the id order among them: they share one id order.
        for (const sort of [...sorts, [{ key: 'id' as const, direction: 'asc' as const }], sorts[0]!]) {
          const { fields, spec } = viewOrderOf(sort);
          const rows = Array.from(ranks.id, (_, row) => row);
          const expected = rows.sort((a, b) => {
            for (const field of fields) {
              const d = ranks[field.key][a]! - ranks[field.key][b]!;
              if (d !== 0) return field.direction === 'asc' ? d : -d;
            }
            return 0;
          });
          const view = buildSortView(spec, fields, ranks);
          expect(Array.from(view.order)).toEqual(expected);
          for (let rank = 0; rank < view.order.length; rank++)
            expect(view.rankOf[view.order[rank]!]).toBe(rank);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('buildSortView over time ranks from rankNumbers', () => {
  it('takes the radix order and breaks its ties by id, as the counting sorts do', () => {
    // Times with many ties and ids in an order unrelated to the rows.
    const caseArb = fc.integer({ min: 0, max: 60 }).chain((n) =>
      fc.tuple(
        fc.array(fc.constantFrom(1_700_000_000_000_000, 1_700_000_000_000_001, 5, 2 ** 40), {
          minLength: n,
          maxLength: n,
        }),
        fc.shuffledSubarray(
          Array.from({ length: n }, (_, i) => i),
          { minLength: n, maxLength: n },
        ),
      ),
    );
    fc.assert(
      fc.property(caseArb, ([times, ids]) => {
        const n = times.length;
        const zeros = () => new Uint32Array(n);
        const base = { name: zeros(), status: zeros(), updated_at: zeros(), protected_at: zeros() };
        const taken = {
          ...base,
          id: Uint32Array.from(ids),
          created_at: rankNumbers(Float64Array.from(times)),
        };
        // The same ranks in a fresh array: no kept order, so the counting sorts build it.
        const counted = { ...taken, created_at: taken.created_at.slice() };
        const { fields, spec } = viewOrderOf([{ key: 'created_at', direction: 'asc' }]);
        const a = buildSortView(spec, fields, taken as ValueRanks);
        const b = buildSortView(spec, fields, counted as ValueRanks);
        expect(Array.from(a.order)).toEqual(Array.from(b.order));
        expect(Array.from(a.rankOf)).toEqual(Array.from(b.rankOf));
        // Taken once: a second build of the same ranks sorts, and agrees.
        expect(Array.from(buildSortView(spec, fields, taken as ValueRanks).order)).toEqual(
          Array.from(b.order),
        );
      }),
      { numRuns: 300 },
    );
  });
});
