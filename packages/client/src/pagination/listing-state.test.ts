import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstListingRequest, type ListingPageRequest, nextListingRequest } from './listing-state.js';

/** A reference listing over ids in order: marker, then offset, then limit, pages of at most 1000. */
function serve(ids: string[], query: ListingPageRequest['query']) {
  let start = 0;
  if (query.marker !== undefined) start = ids.indexOf(query.marker) + 1;
  start += query.offset ?? 0;
  const limit = Math.min(query.limit ?? 1000, 1000);
  return ids.slice(start, start + limit).map((id) => ({ id }));
}

function walk(ids: string[], params: ListingPageRequest['query'], pageSize: number) {
  const seen: string[] = [];
  const queries: ListingPageRequest['query'][] = [];
  let request: ListingPageRequest | undefined = firstListingRequest(params, pageSize);
  while (request !== undefined) {
    queries.push(request.query);
    const items = serve(ids, request.query);
    seen.push(...items.map((i) => i.id));
    request = nextListingRequest(request, items);
  }
  return { seen, queries };
}

describe('listing paging state', () => {
  it('walks exactly what one unpaged query returns (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2600 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.option(fc.integer({ min: 1, max: 3000 }), { nil: undefined }),
        fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined }),
        (count, pageSize, limit, offset) => {
          const ids = Array.from({ length: count }, (_, i) => `id-${String(i).padStart(5, '0')}`);
          const params = { status: 'available' as const, limit, offset };
          const frozen = structuredClone(params);
          const { seen, queries } = walk(ids, params, pageSize);
          const from = offset ?? 0;
          const expected = ids.slice(from, limit === undefined ? undefined : from + limit);
          expect(seen).toEqual(expected);
          expect(params).toEqual(frozen);
          for (const q of queries) {
            expect(q.limit).toBeLessThanOrEqual(Math.min(pageSize, 1000));
            expect(q.status).toBe('available');
          }
          // offset only on the first page; later pages carry the marker instead
          for (const q of queries.slice(1)) {
            expect(q.offset).toBeUndefined();
            expect(q.marker).toBeDefined();
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('asks for at most 1000 even when the page size or limit is larger', () => {
    expect(firstListingRequest({ limit: 5000 }, 1000).query.limit).toBe(1000);
    expect(firstListingRequest({}, 5000).query.limit).toBe(1000);
    expect(firstListingRequest({ limit: 7 }, 1000).query.limit).toBe(7);
  });

  it('stops on an empty page and on a short page', () => {
    // A fresh walk each time: the edges a walk has seen are part of its state.
    const request = () => firstListingRequest({}, 3);
    expect(nextListingRequest(request(), [])).toBeUndefined();
    expect(nextListingRequest(request(), [{ id: 'a' }, { id: 'b' }])).toBeUndefined();
    expect(nextListingRequest(request(), [{ id: 'a' }, { id: 'b' }, { id: 'c' }])?.query).toEqual({
      marker: 'c',
      limit: 3,
    });
  });

  it('refuses a page that does not move past the marker or repeats an edge id', () => {
    const first = firstListingRequest({}, 2);
    const second = nextListingRequest(first, [{ id: 'a' }, { id: 'b' }])!;
    expect(() => nextListingRequest(second, [{ id: 'a' }, { id: 'b' }])).toThrow(
      expect.objectContaining({ code: 'CSBS_PAGINATION_LOOP', reason: 'marker-not-advancing', marker: 'b' }),
    );
    expect(() => nextListingRequest(second, [{ id: 'b' }, { id: 'c' }])).toThrow(
      expect.objectContaining({ reason: 'marker-not-advancing' }),
    );
    const third = nextListingRequest(second, [{ id: 'c' }, { id: 'd' }])!;
    expect(() => nextListingRequest(third, [{ id: 'x' }, { id: 'a' }])).toThrow(
      expect.objectContaining({ reason: 'repeated-page', repeatedId: 'a' }),
    );
    expect(nextListingRequest(third, [{ id: 'e' }])).toBeUndefined();
  });

  it('keeps the caller marker for the first page and replaces it later', () => {
    const request = firstListingRequest({ marker: 'm0', sort: 'name:asc' }, 2);
    expect(request.query).toEqual({ marker: 'm0', sort: 'name:asc', limit: 2 });
    expect(nextListingRequest(request, [{ id: 'x' }, { id: 'y' }])?.query).toEqual({
      marker: 'y',
      sort: 'name:asc',
      limit: 2,
    });
  });

  it('asks only for what is left of the total on the last page', () => {
    const request = firstListingRequest({ limit: 5 }, 3);
    const next = nextListingRequest(request, [{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
    expect(next?.query.limit).toBe(2);
    expect(next && nextListingRequest(next, [{ id: 'd' }, { id: 'e' }])).toBeUndefined();
  });
});
