import { type CheckpointItem, type ListCheckpointItemsQuery, listingLimits } from '@csbs-kit/models';
import { CsbsPaginationError } from '../errors/other-errors.js';

/** One page request of a listing walk. */
export interface ListingPageRequest {
  /** Exactly the query sent for this page (filters, sort, marker, offset, limit). */
  query: ListCheckpointItemsQuery;
  /** Items still wanted after this page's request, before it answered; `undefined` = all. */
  remaining: number | undefined;
  pageSize: number;
  /**
   * The ids at the edges (first and last item) of the pages this walk has received: two
   * per page, shared by the walk's requests, so that a page that comes back is noticed.
   */
  seenEdges: Set<string>;
}

/**
 * The first request. The caller's `limit` caps the whole walk (at most that many items in
 * total); `offset` and `marker` apply to the first page only. `params` is copied, never
 * changed.
 */
export function firstListingRequest(params: ListCheckpointItemsQuery, pageSize: number): ListingPageRequest {
  const { limit, ...rest } = params;
  const size = Math.min(pageSize, listingLimits.maxPageSize);
  return {
    query: { ...rest, limit: limit === undefined ? size : Math.min(size, limit) },
    remaining: limit,
    pageSize: size,
    seenEdges: new Set(),
  };
}

/**
 * The request after `request` got `items`, or `undefined` when the walk is over: an empty
 * page, a short page (fewer than asked: the service caps pages at 1000 and we never ask
 * for more, so a short page is the last), or the caller's total reached. The next page
 * starts after the last item's id, whether or not the service sent a next link.
 */
export function nextListingRequest(
  request: ListingPageRequest,
  items: readonly CheckpointItem[],
): ListingPageRequest | undefined {
  const first = items[0];
  const last = items.at(-1);
  if (first === undefined || last === undefined) return undefined;
  checkPageAdvances(request, first.id, last.id);
  return followingRequest(request, items.length, last.id);
}

/**
 * Throws when a page cannot be new: it starts or ends with the marker that was sent, or an
 * edge id was an edge of an earlier page. Items follow the marker in a fixed order, so a
 * new page never holds either; checking the edges catches a server that ignores `marker`
 * or cycles between pages, at two ids of memory per page.
 */
function checkPageAdvances(request: ListingPageRequest, firstId: string, lastId: string): void {
  const marker = request.query.marker;
  if (marker !== undefined && (firstId === marker || lastId === marker)) {
    throw new CsbsPaginationError({ reason: 'marker-not-advancing', marker, repeatedId: marker });
  }
  for (const id of [firstId, lastId]) {
    if (request.seenEdges.has(id))
      throw new CsbsPaginationError({ reason: 'repeated-page', marker, repeatedId: id });
  }
  request.seenEdges.add(firstId);
  request.seenEdges.add(lastId);
}

/**
 * The request after a page that is full (a next link says so) and ends with `lastId`: the
 * guess to send before the page is parsed. Equal to `nextListingRequest` when the guess holds.
 */
export function guessNextListingRequest(
  request: ListingPageRequest,
  lastId: string,
): ListingPageRequest | undefined {
  return followingRequest(request, request.query.limit ?? request.pageSize, lastId);
}

function followingRequest(
  request: ListingPageRequest,
  received: number,
  lastId: string,
): ListingPageRequest | undefined {
  const asked = request.query.limit ?? request.pageSize;
  if (received === 0 || received < asked) return undefined;
  const remaining = request.remaining === undefined ? undefined : request.remaining - received;
  if (remaining !== undefined && remaining <= 0) return undefined;
  const { offset: _offset, marker: _marker, ...filters } = request.query;
  return {
    query: {
      ...filters,
      marker: lastId,
      limit: remaining === undefined ? request.pageSize : Math.min(request.pageSize, remaining),
    },
    remaining,
    pageSize: request.pageSize,
    seenEdges: request.seenEdges,
  };
}

/** Whether two requests ask for the same page. */
export function sameListingRequest(a: ListingPageRequest, b: ListingPageRequest): boolean {
  return a.remaining === b.remaining && JSON.stringify(a.query) === JSON.stringify(b.query);
}
