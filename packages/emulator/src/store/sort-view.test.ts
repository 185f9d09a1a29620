import type { CheckpointItem, SortField } from '@csbs-kit/models';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSortView, findInView, probeOf, viewOrderOf } from './sort-view.js';

describe('viewOrderOf', () => {
  it.each<[SortField[], string, boolean]>([
    [[{ key: 'created_at', direction: 'desc' }], 'created_at:asc,id:asc', true],
    [[{ key: 'created_at', direction: 'asc' }], 'created_at:asc,id:asc', false],
    [
      [
        { key: 'status', direction: 'asc' },
        { key: 'name', direction: 'desc' },
      ],
      'status:asc,name:desc,id:desc',
      false,
    ],
    [
      [
        { key: 'status', direction: 'desc' },
        { key: 'name', direction: 'asc' },
      ],
      'status:asc,name:desc,id:desc',
      true,
    ],
    [
      [
        { key: 'id', direction: 'asc' },
        { key: 'name', direction: 'asc' },
      ],
      'id:asc',
      false,
    ],
  ])('stores %j as %s (reversed: %s)', (fields, spec, reversed) => {
    expect(viewOrderOf(fields)).toMatchObject({ spec, reversed });
  });
});

describe('findInView', () => {
  it('finds every item of a view by binary search (fast-check)', () => {
    const item = fc.record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      name: fc.option(fc.constantFrom('a', 'b', 'B', ''), { nil: undefined }),
      status: fc.constantFrom('available', 'error'),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(item, { selector: (i) => i.id, maxLength: 40 }),
        fc.constantFrom<SortField['direction']>('asc', 'desc'),
        (items, direction) => {
          const order = viewOrderOf([
            { key: 'status', direction: 'asc' },
            { key: 'name', direction },
          ]);
          const view = buildSortView(items as CheckpointItem[], order);
          items.forEach((it) => {
            const at = findInView(view, probeOf(it as CheckpointItem, order));
            expect(items[view.order[at]!]!.id).toBe(it.id);
          });
        },
      ),
      { numRuns: 100 },
    );
  });
});
