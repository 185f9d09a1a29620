import type { CheckpointItem, CountCheckpointItemsQuery, SortField } from '@csbs-kit/models';
import { sortKeys } from '@csbs-kit/models';
import { compareBackupOrder, matchesTagQuery, type TagQuery, validateTagQuery } from '@csbs-kit/tag-query';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanCount, scanListing } from '../../test/scan-reference.js';
import { StoredItems } from './item-rows.js';
import { ItemScope, UnknownMarker } from './item-scope.js';

// Few distinct values per field, so that filters match, sorts tie and ids break the ties.
const word = fc.constantFrom('', 'web-01', 'Web-02', 'db', 'DB-İx', 'straße', 'autobk_1a', 'ab', 'a');
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const time = fc.constantFrom(
  '2025-01-01T00:00:00.000000',
  '2025-01-01T00:00:00',
  '2025-01-01T00:00:00.5',
  '2025-01-01T00:00:00.500000Z',
  '2025-02-01T10:00:00.123456',
  '2024-12-31T23:59:59.999999+00:00',
  'yesterday',
  '',
);
const itemArb = fc.record(
  {
    id: fc.string({ minLength: 1, maxLength: 3, unit: fc.constantFrom('a', 'b', 'c', 'A', '0', '-') }),
    name: maybe(word),
    status: maybe(fc.constantFrom('available', 'error', 'deleting')),
    resource_id: maybe(fc.constantFrom('srv-1', 'srv-2', 'SRV-1')),
    checkpoint_id: maybe(fc.constantFrom('cp-1', 'cp-2')),
    resource_type: maybe(fc.constantFrom('OS::Nova::Server', 'OS::Cinder::Volume')),
    policy_id: fc.option(fc.constantFrom('pol-1', 'pol-2'), { nil: null }),
    created_at: maybe(time),
    updated_at: maybe(time),
    protected_at: maybe(time),
    extend_info: maybe(
      fc.record(
        {
          resource_az: maybe(fc.constantFrom('eu-de-01', 'eu-de-02')),
          resource_name: maybe(word),
          image_type: maybe(fc.constantFrom('backup', 'replication')),
        },
        { requiredKeys: [] },
      ),
    ),
  },
  { requiredKeys: ['id'] },
) as fc.Arbitrary<CheckpointItem>;

const needle = fc.oneof(word, fc.constantFrom('WEB', 'b-0', 'İ', 'i̇x', 'ss', 'ß', 'x'));
const filterValues: Record<Exclude<keyof CountCheckpointItemsQuery, 'all_tenants'>, fc.Arbitrary<string>> = {
  status: fc.constantFrom('available', 'error', 'deleted', ''),
  resource_id: fc.constantFrom('srv-1', 'srv-2', 'srv-3', ''),
  checkpoint_id: fc.constantFrom('cp-1', 'cp-2'),
  resource_type: fc.constantFrom('OS::Nova::Server', 'OS::Cinder::Volume'),
  policy_id: fc.constantFrom('pol-1', 'pol-2', ''),
  az: fc.constantFrom('eu-de-01', 'eu-de-02', ''),
  image_type: fc.constantFrom('backup', 'replication'),
  name: needle,
  resource_name: needle,
  start_time: time,
  end_time: time,
};
/** Up to three filters: more would rarely leave a match in data this small. */
const queryArb: fc.Arbitrary<CountCheckpointItemsQuery> = fc
  .array(
    fc.oneof(...Object.entries(filterValues).map(([key, value]) => value.map((v) => [key, v] as const))),
    { maxLength: 3 },
  )
  .map((entries) => Object.fromEntries(entries) as CountCheckpointItemsQuery);
const sortArb: fc.Arbitrary<SortField[]> = fc.array(
  fc.record({
    key: fc.constantFrom(...sortKeys),
    direction: fc.constantFrom('asc' as const, 'desc' as const),
  }),
  { minLength: 1, maxLength: 3 },
);

function check(
  scope: ItemScope,
  items: CheckpointItem[],
  query: CountCheckpointItemsQuery,
  sort: SortField[],
  marker: string | undefined,
  offset: number,
  limit: number,
) {
  const expected = scanListing(items, { query, sort, marker, offset, limit });
  const page = scope.listPage({ query, sort, marker, offset, limit });
  if (expected === 'unknown marker') expect(page).toBeInstanceOf(UnknownMarker);
  else expect((page as number[]).map((row) => scope.rows.idAt(row))).toEqual(expected);
  expect(scope.count(query)).toBe(scanCount(items, query));
}

describe('ItemScope listing and count agree with a plain scan (fast-check)', () => {
  it('on small data sets', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(itemArb, { selector: (item) => item.id, maxLength: 40 }),
        queryArb,
        sortArb,
        fc.option(
          fc.string({ minLength: 1, maxLength: 3, unit: fc.constantFrom('a', 'b', 'c', 'A', '0', '-') }),
          { nil: undefined },
        ),
        fc.nat({ max: 45 }),
        fc.integer({ min: 1, max: 45 }),
        (items, query, sort, marker, offset, limit) => {
          check(new ItemScope(new StoredItems(items)), items, query, sort, marker, offset, limit);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('on a data set large enough for prefix keys, both page plans and deep markers', () => {
    const items = fc
      .sample(fc.uniqueArray(itemArb, { selector: (item) => item.id, minLength: 200, maxLength: 200 }), {
        numRuns: 15,
        seed: 7,
      })
      .flat()
      .map((item, i) => ({ ...item, id: `${item.id}.${i}` }));
    const scope = new ItemScope(new StoredItems(items));
    fc.assert(
      fc.property(
        queryArb,
        sortArb,
        fc.option(fc.nat({ max: items.length - 1 }), { nil: undefined }),
        fc.nat({ max: 500 }),
        fc.integer({ min: 1, max: 120 }),
        (query, sort, markerAt, offset, limit) => {
          const marker = markerAt === undefined ? undefined : items[markerAt]!.id;
          check(scope, items, query, sort, marker, offset, limit);
        },
      ),
      { numRuns: 150 },
    );
    // Markers that are matches themselves, small offsets: the rows right after the marker
    // decide the page, which is where an off-by-one would show.
    fc.assert(
      fc.property(
        queryArb,
        sortArb,
        fc.nat(),
        fc.nat({ max: 3 }),
        fc.integer({ min: 1, max: 5 }),
        (query, sort, pick, offset, limit) => {
          const matches = scanListing(items, { query, sort, offset: 0, limit: items.length }) as string[];
          const marker = matches.length === 0 ? undefined : matches[pick % matches.length];
          check(scope, items, query, sort, marker, offset, limit);
          // The last match as a marker: the page after it is empty.
          if (matches.length > 0) check(scope, items, query, sort, matches.at(-1), 0, limit);
        },
      ),
      { numRuns: 200 },
    );
    // Each run scans 3000 backups as the oracle; generous for a busy shared machine.
  }, 180_000);
});

describe('ItemScope listing: a walk that the filters make long', () => {
  // 1000 backups a second apart; every third one an error. A time window of the last 150
  // read in time order from a marker inside it: the walk finds a few rows, then runs out of
  // window, stops after as many rows as marking costs, and marks instead.
  const items: CheckpointItem[] = Array.from({ length: 1000 }, (_, i) => ({
    id: `b${String(i).padStart(4, '0')}`,
    status: i % 3 === 0 ? 'error' : 'available',
    created_at: new Date(Date.UTC(2025, 0, 1) + i * 1000).toISOString().replace('Z', ''),
  }));
  const scope = new ItemScope(new StoredItems(items));
  const window = { start_time: items[850]!.created_at!, end_time: items[999]!.created_at! };
  const desc: SortField[] = [{ key: 'created_at', direction: 'desc' }];
  const asc: SortField[] = [{ key: 'created_at', direction: 'asc' }];

  it.each([
    ['from a marker inside the window, newest first', { ...window, status: 'error' }, desc, 'b0860', 0, 5],
    ['the same with an offset', { ...window, status: 'error' }, desc, 'b0866', 2, 5],
    ['oldest first, the window at the far end', { ...window, status: 'error' }, asc, undefined, 0, 5],
  ] as const)('%s', (_, query, sort, marker, offset, limit) => {
    check(scope, items, query, [...sort], marker, offset, limit);
    const page = scope.listPage({ query, sort, marker, offset, limit }) as number[];
    expect(new Set(page).size).toBe(page.length);
  });
});

describe('ItemScope tag-query pages agree with a plain scan (fast-check)', () => {
  const tagArb = fc.record({
    key: fc.constantFrom('env', 'team'),
    value: fc.constantFrom('prod', 'dev', ''),
  });
  const taggedItemArb = fc
    .tuple(itemArb, fc.uniqueArray(tagArb, { selector: (tag) => tag.key, maxLength: 2 }))
    .map(([item, tags]) => ({ ...item, tags }) as CheckpointItem);
  const entryArb = fc.record({
    key: fc.constantFrom('env', 'team'),
    values: fc.uniqueArray(fc.constantFrom('prod', 'dev'), { maxLength: 2 }),
  });
  const tagQueryArb = fc
    .record(
      {
        tags: fc.uniqueArray(entryArb, { selector: (entry) => entry.key, minLength: 1, maxLength: 2 }),
        not_tags_any: fc.array(entryArb, { minLength: 1, maxLength: 1 }),
        matches: fc.tuple(fc.record({ key: fc.constant('resource_name'), value: needle })),
      },
      { requiredKeys: [] },
    )
    .map((raw) => validateTagQuery(raw));

  it('first page and later pages, total counted once and then kept', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(taggedItemArb, { selector: (item) => item.id, maxLength: 60 }),
        tagQueryArb,
        fc.array(fc.tuple(fc.nat({ max: 40 }), fc.integer({ min: 1, max: 20 })), {
          minLength: 1,
          maxLength: 3,
        }),
        (items, query: TagQuery, pages) => {
          const scope = new ItemScope(new StoredItems(items));
          const rows = items.map((_, row) => row);
          const backupOf = (row: number) => ({ ...scope.rows.tagged(row), id: scope.rows.idAt(row) });
          const expected = rows
            .filter((row) => matchesTagQuery(query, backupOf(row)))
            .sort((a, b) => compareBackupOrder(backupOf(a), backupOf(b)));
          for (const [offset, limit] of pages) {
            expect(scope.tagQueryPage(query, offset, limit)).toEqual({
              total: expected.length,
              rows: expected.slice(offset, offset + limit),
            });
          }
          expect(scope.countTagQuery(query)).toBe(expected.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});
