import type { CheckpointItem } from '@csbs-kit/models';
import { describe, expect, it } from 'vitest';
import { demoCredentials } from '../demo-credentials.js';
import { ConcatRows } from '../store/concat-rows.js';
import { IdBytes } from '../store/id-bytes.js';
import { StoredItems } from '../store/item-rows.js';
import { ListingIndex } from '../store/listing-index.js';
import { textsOf } from '../store/string-column.js';
import { generateEmulatorData, otherProjectSeed } from './generate-data.js';
import { GeneratedItems } from './generated-items.js';

describe('GeneratedItems', () => {
  const count = 2500;
  const objects = (seed: number, n = count): CheckpointItem[] =>
    generateEmulatorData({ count: n, seed, projects: 1 }).projects[demoCredentials.projectId]!
      .checkpoint_items;

  it.each([1, 42, otherProjectSeed(7)])(
    'serialises every backup exactly as JSON.stringify of the objects (seed %i)',
    (seed) => {
      const columns = new GeneratedItems(count, seed);
      const stored = new StoredItems(objects(seed));
      expect(columns.size).toBe(count);
      for (let row = 0; row < count; row++) {
        expect(columns.idAt(row)).toBe(stored.idAt(row));
        expect(columns.itemJson(row)).toBe(stored.itemJson(row));
        expect(columns.resourceJson(row)).toBe(stored.resourceJson(row));
      }
    },
  );

  it('gives the index the same fields as the objects', () => {
    const columns = new GeneratedItems(300, 3);
    const stored = new StoredItems(objects(3, 300));
    const a = columns.listingFields();
    const b = stored.listingFields();
    // Either side may hold a column as bytes, numbers or codes: compared as the texts they stand for.
    const textsAt = (column: (typeof a)[keyof typeof a]): string[] =>
      column instanceof IdBytes
        ? Array.from({ length: column.size }, (_, row) => column.textAt(row))
        : 'micros' in column
          ? Array.from(column.micros, (m) => column.format(m))
          : textsOf(column);
    for (const key of Object.keys(b) as (keyof typeof b)[]) {
      expect(textsAt(a[key]), key).toEqual(textsAt(b[key]));
    }
    for (let row = 0; row < 300; row++) expect(columns.tagged(row)).toEqual(stored.tagged(row));
  });

  it('keeps the ids of every project when scopes are joined (all_tenants)', () => {
    const parts = [new GeneratedItems(300, 3), new GeneratedItems(200, otherProjectSeed(3))];
    const joined = new ConcatRows(parts).listingFields();
    const stored = new ConcatRows([
      new StoredItems(objects(3, 300)),
      new StoredItems(objects(otherProjectSeed(3), 200)),
    ]);
    const expected = stored.listingFields();
    for (const key of ['id', 'checkpoint_id'] as const) {
      const ids = joined[key];
      expect(ids, key).toBeInstanceOf(IdBytes);
      const texts = Array.from({ length: (ids as IdBytes).size }, (_, row) => (ids as IdBytes).textAt(row));
      // The stored side may hold its ids as bytes too (ids of one width).
      const want = expected[key];
      expect(texts, key).toEqual(
        want instanceof IdBytes ? Array.from({ length: want.size }, (_, row) => want.textAt(row)) : [...want],
      );
    }
    const index = new ListingIndex(joined);
    const wanted = parts[1]!.listingFields().checkpoint_id as IdBytes;
    expect(index.count({ checkpoint_id: wanted.textAt(7) })).toBe(1);
    expect(index.count({})).toBe(500);
  });
});
