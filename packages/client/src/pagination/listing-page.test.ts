import type { ListCheckpointItemsQuery } from '@csbs-kit/models';
import { describe, expect, it } from 'vitest';
import type { RawResponse } from '../transport/execute.js';
import { listingPageFamily, nextMarkerOf, readListingPage } from './listing-page.js';
import { PageLoopGuard } from './page-loop-guard.js';

const family = listingPageFamily.plain;

function response(body: unknown): RawResponse {
  return {
    status: 200,
    headers: {},
    requestId: undefined,
    bodyText: JSON.stringify(body),
    request: { method: 'GET', url: 'http://x/v1/p/checkpoint_items' },
  };
}

const page = (query: ListCheckpointItemsQuery, ids: string[], extra: Record<string, unknown> = {}) =>
  readListingPage(response({ checkpoint_items: ids.map((id) => ({ id })), ...extra }), query, false);

describe('a listing page and its successor', () => {
  it('a full page names the next marker; an empty or short page is the last', () => {
    const query = { limit: 3 };
    expect(page(query, []).nextMarker).toBeUndefined();
    expect(page(query, ['a', 'b']).nextMarker).toBeUndefined();
    expect(page(query, ['a', 'b', 'c']).nextMarker).toBe('c');
    expect(family.next(query, page(query, ['a', 'b']))).toBeUndefined();
    expect(family.next(query, page(query, ['a', 'b', 'c']))).toEqual({ marker: 'c', limit: 3 });
  });

  it('decides on its items alone, with or without a next link', () => {
    const query = { limit: 2 };
    const links = { checkpoint_items_links: [{ rel: 'next', href: '/v1/p/checkpoint_items?marker=zzz' }] };
    expect(family.next(query, page(query, ['a', 'b'], links))).toEqual({ marker: 'b', limit: 2 });
    expect(family.next(query, page(query, ['a'], links))).toBeUndefined();
  });

  it('counts a page of 1000 as full whatever limit asked for (the service caps pages at 1000)', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `id-${i}`);
    expect(
      nextMarkerOf(
        { limit: 5000 },
        ids.map((id) => ({ id })),
      ),
    ).toBe('id-999');
    expect(
      nextMarkerOf(
        {},
        ids.map((id) => ({ id })),
      ),
    ).toBe('id-999');
    expect(
      nextMarkerOf(
        { limit: 1001 },
        ids.slice(1).map((id) => ({ id })),
      ),
    ).toBeUndefined();
  });

  it('keeps filters, sort and page size; replaces the marker; drops the offset', () => {
    const query = { marker: 'm0', offset: 4, sort: 'name:asc', status: 'available' as const, limit: 2 };
    expect(family.next(query, page(query, ['x', 'y']))).toEqual({
      marker: 'y',
      sort: 'name:asc',
      status: 'available',
      limit: 2,
    });
    expect(query.marker).toBe('m0');
  });

  it("announces the next link's marker before the body is parsed, as a guess", () => {
    const query = { limit: 2, offset: 1 };
    const body = JSON.stringify({
      checkpoint_items: [{ id: 'a' }, { id: 'b' }],
      checkpoint_items_links: [{ rel: 'next', href: '/v1/p/checkpoint_items?limit=2&marker=b' }],
    });
    expect(family.announcedNext(query, body)).toEqual({ marker: 'b', limit: 2 });
    expect(family.announcedNext(query, '{"checkpoint_items":[]}')).toBeUndefined();
    const parsed = readListingPage({ ...response({}), bodyText: body }, query, false);
    expect(family.same(family.announcedNext(query, body)!, family.next(query, parsed)!)).toBe(true);
  });
});

describe('PageLoopGuard', () => {
  it('refuses a page that does not move past the marker or repeats an edge id', () => {
    const guard = new PageLoopGuard();
    guard.check({}, [{ id: 'a' }, { id: 'b' }]);
    expect(() => guard.check({ marker: 'b' }, [{ id: 'a' }, { id: 'b' }])).toThrow(
      expect.objectContaining({ code: 'CSBS_PAGINATION_LOOP', reason: 'marker-not-advancing', marker: 'b' }),
    );
    expect(() => guard.check({ marker: 'b' }, [{ id: 'b' }, { id: 'c' }])).toThrow(
      expect.objectContaining({ reason: 'marker-not-advancing' }),
    );
    guard.check({ marker: 'b' }, [{ id: 'c' }, { id: 'd' }]);
    expect(() => guard.check({ marker: 'd' }, [{ id: 'x' }, { id: 'a' }])).toThrow(
      expect.objectContaining({ reason: 'repeated-page', repeatedId: 'a' }),
    );
    guard.check({ marker: 'd' }, [{ id: 'e' }]);
    guard.check({ marker: 'e' }, []);
  });

  it('keeps one memory per walk', () => {
    new PageLoopGuard().check({}, [{ id: 'a' }]);
    expect(() => new PageLoopGuard().check({}, [{ id: 'a' }])).not.toThrow();
  });
});
