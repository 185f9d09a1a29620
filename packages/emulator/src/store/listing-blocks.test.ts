import type { CheckpointItem, CountCheckpointItemsQuery, SortField } from '@csbs-kit/models';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanCount, scanListing } from '../../test/scan-reference.js';
import { mulberry32 } from '../data/prng.js';
import { StoredItems } from './item-rows.js';
import { ItemScope } from './item-scope.js';
import { anyBitIn, blockSize, CodeBlocks, RangeBlocks } from './view-blocks.js';

describe('view block summaries', () => {
  it('anyBitIn finds a set bit in any range of a mask (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.nat({ max: 199 }), { maxLength: 6 }),
        fc.nat({ max: 199 }),
        fc.nat({ max: 199 }),
        (bits, a, b) => {
          const mask = new Uint32Array(7);
          for (const bit of bits) mask[bit >>> 5]! |= 1 << (bit & 31);
          const [low, high] = a <= b ? [a, b] : [b, a];
          expect(anyBitIn(mask, low, high)).toBe(bits.some((bit) => bit >= low && bit <= high));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('hold the least and greatest value, and every code, of each block (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 31 }), { minLength: 1, maxLength: 3 * blockSize + 5 }), (values) => {
        const order = Uint32Array.from(values.keys()).reverse();
        const ranges = new RangeBlocks(order, values);
        const codes = new CodeBlocks(order, values);
        for (let b = 0; b * blockSize < values.length; b++) {
          const inBlock = Array.from(
            order.subarray(b * blockSize, (b + 1) * blockSize),
            (row) => values[row]!,
          );
          expect([ranges.lowAt(b), ranges.highAt(b)]).toEqual([Math.min(...inBlock), Math.max(...inBlock)]);
          expect(codes.maskAt(b) >>> 0).toBe(inBlock.reduce((mask, v) => (mask | (1 << v)) >>> 0, 0));
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('ItemScope listing: walks that step over view blocks agree with a plain scan (fast-check)', () => {
  // Enough backups for many blocks, with filters that follow an order: a time window read
  // in a time order, a status in status order, a name needle in name order. Ids are not in
  // creation order, so the id order is unrelated to all of them.
  // Seeded, so the data set is the same on every run.
  const random = mulberry32(13);
  const count = 40 * blockSize;
  const at = (seconds: number) =>
    new Date(Date.UTC(2025, 0, 1) + seconds * 1000).toISOString().replace('Z', '');
  const statuses = ['available', 'available', 'available', 'error', 'deleting', 'protecting'];
  const items: CheckpointItem[] = Array.from({ length: count }, (_, i) => {
    const created = i * 60 + Math.floor(random() * 60);
    const hex = Math.floor(random() * 512)
      .toString(16)
      .padStart(3, '0');
    return {
      id: `b${Math.floor(random() * 1e9).toString(36)}-${i}`,
      name: random() < 0.7 ? `autobk_${hex}` : `manualbk_${hex}`,
      status: statuses[Math.floor(random() * statuses.length)]!,
      created_at: at(created),
      updated_at: at(created + Math.floor(random() * 3600)),
      protected_at: at(created - Math.floor(random() * 300)),
    };
  });
  const scope = new ItemScope(new StoredItems(items));
  const times = items.map((item) => item.created_at!);

  // Window ends often on block edges (ranks in the created_at order are the item numbers),
  // where a summary's off-by-one would show.
  const edge = fc
    .tuple(fc.integer({ min: 1, max: count / blockSize - 1 }), fc.integer({ min: -1, max: 0 }))
    .map(([block, d]) => block * blockSize + d);
  const window = fc
    .tuple(fc.oneof(fc.nat({ max: count - 1 }), edge), fc.nat({ max: count / 4 }), fc.boolean(), fc.boolean())
    .map(([from, span, hasStart, hasEnd]) => ({
      ...(hasStart || !hasEnd ? { start_time: times[from]! } : {}),
      ...(hasEnd ? { end_time: times[Math.min(count - 1, from + span)]! } : {}),
    }));
  const filter: fc.Arbitrary<CountCheckpointItemsQuery> = fc.oneof(
    window,
    fc.constantFrom('error', 'deleting', 'protecting', 'available').map((status) => ({ status })),
    fc.constantFrom('1a', 'bk_0', 'manual', 'autobk_1', 'b_f', '0f', 'k_1ff').map((name) => ({ name })),
  );
  const query = fc
    .tuple(filter, fc.option(filter, { nil: undefined }))
    .map(([a, b]) => ({ ...b, ...a }) as CountCheckpointItemsQuery);
  const sort = fc
    .tuple(
      fc.constantFrom('created_at', 'updated_at', 'protected_at', 'status', 'name', 'id'),
      fc.constantFrom('asc', 'desc'),
    )
    .map(([key, direction]) => [{ key, direction }] as SortField[]);

  // The window's first or last backup on a block edge: the page starts with it.
  const edges = [1, 7, 20].flatMap((block) => [block * blockSize - 1, block * blockSize]);
  it.each(edges)('a window starting at item %i, oldest first', (from) => {
    const query = { start_time: times[from]!, end_time: times[from + 300]! };
    const sort: SortField[] = [{ key: 'created_at', direction: 'asc' }];
    const page = scope.listPage({ query, sort, offset: 0, limit: 5 }) as number[];
    expect(page.map((row) => scope.rows.idAt(row))).toEqual(
      scanListing(items, { query, sort, offset: 0, limit: 5 }),
    );
  });
  it.each(edges)('a window ending at item %i, newest first', (to) => {
    const query = { start_time: times[to - 300]!, end_time: times[to]! };
    const sort: SortField[] = [{ key: 'created_at', direction: 'desc' }];
    const page = scope.listPage({ query, sort, offset: 0, limit: 5 }) as number[];
    expect(page.map((row) => scope.rows.idAt(row))).toEqual(
      scanListing(items, { query, sort, offset: 0, limit: 5 }),
    );
  });

  it('pages from any marker, with offsets, and counts', () => {
    fc.assert(
      fc.property(
        query,
        sort,
        fc.option(fc.nat({ max: count - 1 }), { nil: undefined }),
        fc.nat({ max: 30 }),
        fc.integer({ min: 1, max: 60 }),
        (query, sort, markerAt, offset, limit) => {
          const marker = markerAt === undefined ? undefined : items[markerAt]!.id;
          const expected = scanListing(items, { query, sort, marker, offset, limit });
          const page = scope.listPage({ query, sort, marker, offset, limit }) as number[];
          expect(page.map((row) => scope.rows.idAt(row))).toEqual(expected);
          expect(scope.count(query)).toBe(scanCount(items, query));
        },
      ),
      { numRuns: 300 },
    );
  }, 120_000);
});
