import type { ListCheckpointItemsQuery, ResourceInstancesFilterResponse, TagQuery } from '@csbs-kit/models';
import {
  firstListingRequest,
  guessNextListingRequest,
  type ListingPageRequest,
  nextListingRequest,
  sameListingRequest,
} from './listing-state.js';
import { peekNextMarker } from './next-link.js';
import type { CheckpointItemsPage, ResourcesPage } from './paginator.js';
import { prefetchPages } from './prefetch.js';
import {
  firstResourcesRequest,
  nextResourcesRequest,
  peekTotalCount,
  type ResourcesPageRequest,
  sameResourcesRequest,
} from './resources-state.js';

/** Fetches one listing page; `peek` sees the raw body before it is parsed. */
export type FetchListingPage<Page extends CheckpointItemsPage = CheckpointItemsPage> = (
  query: ListCheckpointItemsQuery,
  signal: AbortSignal,
  peek: (bodyText: string) => boolean,
) => Promise<Page>;

/**
 * The marker walk. The next page is requested as soon as the body's next link names it
 * (checked against the parsed page), else as soon as the page is read.
 */
export function walkCheckpointItems<Page extends CheckpointItemsPage>(
  fetchPage: FetchListingPage<Page>,
  query: ListCheckpointItemsQuery,
  pageSize: number,
  signal: AbortSignal | undefined,
): AsyncGenerator<Page, void, undefined> {
  return prefetchPages<ListingPageRequest, Page>(
    firstListingRequest(query, pageSize),
    {
      fetchPage: (request, pageSignal, hintNext) =>
        fetchPage(request.query, pageSignal, (bodyText) => {
          const marker = peekNextMarker(bodyText);
          const guess = marker === undefined ? undefined : guessNextListingRequest(request, marker);
          if (guess === undefined) return false;
          hintNext(guess);
          return true;
        }),
      next: (request, page) => nextListingRequest(request, page.checkpoint_items),
      same: sameListingRequest,
    },
    signal,
  );
}

/** Fetches one tag-query page (`limit`/`offset` as numbers; the fetcher writes them as strings). */
export type FetchFilterPage = (
  conditions: TagQuery,
  paging: { limit: number; offset: number },
  signal: AbortSignal,
  peek: (bodyText: string) => boolean,
) => Promise<ResourceInstancesFilterResponse>;

/** The offset walk: the next page is requested as soon as `total_count` at the body's end says there is one. */
export function walkResources(
  fetchPage: FetchFilterPage,
  conditions: TagQuery,
  paging: { pageSize: number; offset: number; total: number | undefined },
  signal: AbortSignal | undefined,
): AsyncGenerator<ResourcesPage, void, undefined> {
  return prefetchPages<ResourcesPageRequest, ResourcesPage>(
    firstResourcesRequest(conditions, paging.pageSize, paging.offset, paging.total),
    {
      fetchPage: async (request, pageSignal, hintNext) => {
        const page = await fetchPage(
          request.conditions,
          { limit: request.limit, offset: request.offset },
          pageSignal,
          (bodyText) => {
            const totalCount = peekTotalCount(bodyText);
            const guess =
              totalCount === undefined ? undefined : nextResourcesRequest(request, request.limit, totalCount);
            if (guess === undefined) return false;
            hintNext(guess);
            return true;
          },
        );
        return { resources: page.resources, total_count: page.total_count, offset: request.offset };
      },
      next: (request, page) => nextResourcesRequest(request, page.resources.length, page.total_count),
      same: sameResourcesRequest,
    },
    signal,
  );
}
