import { type ListCheckpointItemsQuery, listingLimits, tagQueryLimits } from '@csbs-kit/models';
import { checkPaginateOptions, type ListingOptions, type PaginateOptions } from '../client-options.js';
import { checkListParams } from '../query/listing-params.js';
import {
  filterRequest,
  normaliseTagQuery,
  pagingNumber,
  type ResourcePaging,
  type ResourceQuery,
  splitPaging,
} from '../query/resource-query.js';
import type { RawResponse } from '../transport/execute.js';
import { listingPageFamily } from './listing-page.js';
import { PageLoopGuard } from './page-loop-guard.js';
import { walkPages } from './page-walk.js';
import {
  type CheckpointItemsPage,
  type CheckpointItemsPaginator,
  lazy,
  Paginator,
  type ResourcesPage,
  type ResourcesPaginator,
} from './paginator.js';
import { type ResourcesPageQuery, resourcesPageFamily } from './resources-page.js';

/** Sends one listing query (`GET …/checkpoint_items?…`); the successful answer, unparsed. */
export type SendListing = (query: ListCheckpointItemsQuery, signal: AbortSignal) => Promise<RawResponse>;

/** Sends one tag-query body (`POST …/resource_instances/action`); the successful answer, unparsed. */
export type SendFilter = (body: Uint8Array, signal: AbortSignal) => Promise<RawResponse>;

/**
 * The marker walk of `paginateCheckpointItems`. Nothing is checked or sent until iteration
 * starts; then the params and options are checked once, before the first request.
 */
export function paginateListing(
  send: SendListing,
  params: ListCheckpointItemsQuery,
  options: PaginateOptions & ListingOptions,
): CheckpointItemsPaginator {
  const family = options.itemTexts === true ? listingPageFamily.withTexts : listingPageFamily.plain;
  const walk = () => {
    const query = checkListParams(params);
    const maxItems = checkPaginateOptions(options);
    // `limit` is the page size; the service answers at most 1000 whatever it asks, so a
    // walk asks for no more (and a short page is then surely the last).
    const limit = Math.min(query.limit ?? listingLimits.maxPageSize, listingLimits.maxPageSize);
    const guard = new PageLoopGuard();
    return walkPages<ListCheckpointItemsQuery, CheckpointItemsPage>(
      {
        family,
        first: { ...query, limit },
        maxItems,
        send,
        check: (pageQuery, page) => guard.check(pageQuery, page.checkpoint_items),
      },
      options.signal,
    );
  };
  return new Paginator(lazy(walk), (page) => page.checkpoint_items);
}

/**
 * The offset walk of `paginateResources`. The tag query is validated and normalised once
 * per walk, before the first request; each page's body is the checked one with that
 * page's `limit` and `offset` (numbers the walk computed, so nothing new to check).
 */
export function paginateFilter(
  send: SendFilter,
  input: ResourceQuery & ResourcePaging,
  options: PaginateOptions & ListingOptions,
): ResourcesPaginator {
  const family = options.itemTexts === true ? resourcesPageFamily.withTexts : resourcesPageFamily.plain;
  const walk = () => {
    const { query, paging } = splitPaging(input);
    const conditions = normaliseTagQuery(query);
    const maxItems = checkPaginateOptions(options);
    const offset = pagingNumber(paging.offset, 'offset', 0);
    const limit = pagingNumber(paging.limit, 'limit', tagQueryLimits.maxLimit, 1);
    const checked = filterRequest(conditions, { limit, offset });
    const pageBody = (page: ResourcesPageQuery) =>
      Buffer.from(JSON.stringify({ ...checked, limit: String(page.limit), offset: String(page.offset) }));
    return walkPages<ResourcesPageQuery, ResourcesPage>(
      {
        family,
        first: { offset, limit },
        maxItems,
        send: (page, signal) => send(pageBody(page), signal),
      },
      options.signal,
    );
  };
  return new Paginator(lazy(walk), (page) => page.resources);
}
