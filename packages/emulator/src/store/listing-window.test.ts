import type { CountCheckpointItemsQuery, SortField } from '@csbs-kit/models';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GeneratedItems } from '../data/generated-items.js';
import { type ListingFields, ListingIndex, type MicrosColumn } from './listing-index.js';

describe('a created_at window over times held as microseconds', () => {
  // The same generated backups twice: times as microseconds (searched as numbers) and as
  // their texts (searched as texts, the reference).
  const fields = new GeneratedItems(3000, 7).listingFields();
  const created = fields.created_at as MicrosColumn;
  const texts = Array.from(created.micros, (micros) => created.format(micros));
  const asMicros = new ListingIndex(fields);
  const asTexts = new ListingIndex({ ...fields, created_at: texts } as ListingFields);
  const sorted = [...texts].sort();

  // Times of backups (window ends on a backup, where `<` against `<=` shows), a microsecond
  // off them, shorter fractions, and times the numbers do not hold (before 1970, not dates).
  const timeArb = fc.oneof(
    fc.constantFrom(...sorted.filter((_, i) => i % 50 === 0)),
    fc.constantFrom(...sorted).map((text) => created.format(Number(microsOf(text)) + 1)),
    fc.constantFrom(...sorted).map((text) => text.slice(0, 21)),
    fc.constantFrom(...sorted).map((text) => text.slice(0, 19)),
    fc.constantFrom('1969-12-31T23:59:59.999999', '2025-02-30T00:00:00', '9999-12-31T23:59:59'),
  );
  function microsOf(text: string): number {
    return created.micros[texts.indexOf(text)]!;
  }

  it('selects what the text search selects (fast-check)', () => {
    const sort: SortField[] = [{ key: 'name', direction: 'asc' }];
    fc.assert(
      fc.property(
        fc.option(timeArb, { nil: undefined }),
        fc.option(timeArb, { nil: undefined }),
        (start, end) => {
          const query: CountCheckpointItemsQuery = { start_time: start, end_time: end };
          expect(asMicros.count(query)).toBe(asTexts.count(query));
          const page = { sort, offset: 0, limit: 50, query };
          expect(asMicros.page(page)).toEqual(asTexts.page(page));
        },
      ),
      { numRuns: 300 },
    );
  });
});
