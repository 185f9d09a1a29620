import type { CheckpointItem, CountCheckpointItemsQuery, SortField } from '@csbs-kit/models';
import { sortKeys } from '@csbs-kit/models';
import { compareBackupOrder, matchesTagQuery, validateTagQuery } from '@csbs-kit/tag-query';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanCount, scanListing } from '../../test/scan-reference.js';
import { timeOfMicros } from '../data/generate-data.js';
import { ConcatRows } from './concat-rows.js';
import { StoredItems } from './item-rows.js';
import { ItemScope, UnknownMarker } from './item-scope.js';
import { MicrosColumn } from './listing-index.js';

// Times in the normal form (as files written by the generator or the service hold them):
// few distinct ones, so that sorts tie, plus instants at the ends of the range.
const normalTime = fc
  .oneof(
    fc.constantFrom(0, 1, 1_700_000_000_000_000, 1_700_000_000_000_001, 1_700_000_086_400_000),
    fc.constantFrom(Number.MAX_SAFE_INTEGER, 951_782_400_000_000 /* 2000-02-29 */),
  )
  .map(timeOfMicros);
const itemArb = fc.record(
  {
    id: fc.string({ minLength: 1, maxLength: 3, unit: fc.constantFrom('a', 'b', 'c', 'A', '0', '-') }),
    name: fc.constantFrom('web-01', 'db', 'a'),
    status: fc.constantFrom('available', 'error'),
    created_at: normalTime,
    updated_at: normalTime,
    protected_at: normalTime,
    tags: fc.uniqueArray(
      fc.record({ key: fc.constantFrom('env', 'team'), value: fc.constantFrom('prod', 'dev') }),
      {
        selector: (tag) => tag.key,
        maxLength: 2,
      },
    ),
  },
  { requiredKeys: ['id', 'name', 'status', 'created_at', 'updated_at', 'protected_at', 'tags'] },
) as fc.Arbitrary<CheckpointItem>;
const sortArb: fc.Arbitrary<SortField[]> = fc.array(
  fc.record({
    key: fc.constantFrom(...sortKeys),
    direction: fc.constantFrom('asc' as const, 'desc' as const),
  }),
  { minLength: 1, maxLength: 2 },
);
const queryArb: fc.Arbitrary<CountCheckpointItemsQuery> = fc.record(
  { status: fc.constantFrom('available', 'error'), start_time: normalTime, end_time: normalTime },
  { requiredKeys: [] },
);

describe('StoredItems time columns', () => {
  it('holds times in the normal form as microseconds, and tells the tag index its order', () => {
    const items = fc.sample(fc.uniqueArray(itemArb, { selector: (item) => item.id, minLength: 5 }), 1)[0]!;
    const rows = new StoredItems(items);
    const fields = rows.listingFields();
    expect(fields.created_at).toBeInstanceOf(MicrosColumn);
    const created = fields.created_at as MicrosColumn;
    expect(Array.from(created.micros, created.format)).toEqual(items.map((item) => item.created_at));
    expect(rows.normalTimes).toBe(true);
  });

  it.each([
    ['another form of the same instant', '2025-01-01T00:00:00Z', true, false],
    ['a missing time', undefined, false, false],
    ['a text that is no time', 'yesterday', false, false],
    ['a date that does not exist', '2025-02-30T00:00:00.000000', false, false],
  ])('falls back to texts for %s', (_, odd, micros, normal) => {
    const items = [
      { id: 'a', created_at: '2025-01-02T00:00:00.000000' },
      { id: 'b', created_at: odd },
    ] as CheckpointItem[];
    const rows = new StoredItems(items);
    expect(rows.listingFields().created_at instanceof MicrosColumn).toBe(micros);
    expect(rows.normalTimes).toBe(normal);
  });

  it('keeps one column of microseconds across projects only when they write them back alike', () => {
    const a = new StoredItems([{ id: 'a', created_at: timeOfMicros(5) }] as CheckpointItem[]);
    const b = new StoredItems([{ id: 'b', created_at: timeOfMicros(7) }] as CheckpointItem[]);
    const created = new ConcatRows([a, b]).listingFields().created_at as MicrosColumn;
    expect(created).toBeInstanceOf(MicrosColumn);
    expect(Array.from(created.micros)).toEqual([5, 7]);
  });
});

describe('StoredItems with times in the normal form agree with a plain scan (fast-check)', () => {
  it('listing pages, counts and tag-query pages', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(itemArb, { selector: (item) => item.id, maxLength: 40 }),
        queryArb,
        sortArb,
        fc.option(fc.string({ minLength: 1, maxLength: 2, unit: fc.constantFrom('a', 'b', '0') }), {
          nil: undefined,
        }),
        fc.nat({ max: 10 }),
        fc.integer({ min: 1, max: 20 }),
        (items, query, sort, marker, offset, limit) => {
          const scope = new ItemScope(new StoredItems(items));
          const expected = scanListing(items, { query, sort, marker, offset, limit });
          const page = scope.listPage({ query, sort, marker, offset, limit });
          if (expected === 'unknown marker') expect(page).toBeInstanceOf(UnknownMarker);
          else expect((page as number[]).map((row) => scope.rows.idAt(row))).toEqual(expected);
          expect(scope.count(query)).toBe(scanCount(items, query));

          const tagQuery = validateTagQuery({ tags: [{ key: 'env', values: ['prod'] }] });
          const backupOf = (row: number) => ({ ...scope.rows.tagged(row), id: scope.rows.idAt(row) });
          const tagged = items
            .map((_, row) => row)
            .filter((row) => matchesTagQuery(tagQuery, backupOf(row)))
            .sort((x, y) => compareBackupOrder(backupOf(x), backupOf(y)));
          expect(scope.tagQueryPage(tagQuery, offset, limit)).toEqual({
            total: tagged.length,
            rows: tagged.slice(offset, offset + limit),
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
