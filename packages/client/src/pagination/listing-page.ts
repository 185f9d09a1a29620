import {
  type CheckpointItem,
  type ListCheckpointItemsQuery,
  listCheckpointItemsResponseSchema,
  listingLimits,
} from '@csbs-kit/models';
import type { RawResponse } from '../transport/execute.js';
import { peekNextMarker } from './next-link.js';
import { readPageBody } from './page-body.js';
import type { PageFamily } from './page-walk.js';
import type { CheckpointItemsPage, CheckpointItemsPageWithTexts } from './paginator.js';

/** The page size `query` asks for: its `limit`, as the service caps it (at most 1000). */
function askedFor(query: ListCheckpointItemsQuery): number {
  return Math.min(query.limit ?? listingLimits.defaultLimit, listingLimits.maxPageSize);
}

/**
 * The marker of the page after the answer to `query`: the last item's id when the page is
 * full, else `undefined` (an empty or short page is the last, since no page holds more than
 * 1000). The one place that decides whether a listing goes on, with or without a next link.
 */
export function nextMarkerOf(
  query: ListCheckpointItemsQuery,
  items: readonly CheckpointItem[],
): string | undefined {
  return items.length > 0 && items.length >= askedFor(query) ? items.at(-1)?.id : undefined;
}

/** The query of the page that starts after `marker`: the same filters, sort and page size; no offset. */
function queryAfter(query: ListCheckpointItemsQuery, marker: string): ListCheckpointItemsQuery {
  const { offset: _offset, marker: _marker, ...rest } = query;
  return { ...rest, marker };
}

/**
 * A successful listing answer as a page: parsed, validated, with the marker of the next
 * page and, when `itemTexts`, each item's source text.
 */
export function readListingPage(
  response: RawResponse,
  query: ListCheckpointItemsQuery,
  itemTexts: boolean,
): CheckpointItemsPage {
  const { body, texts, lines } = readPageBody(
    response,
    listCheckpointItemsResponseSchema,
    'checkpoint_items',
    itemTexts,
  );
  const items = body.checkpoint_items;
  const page: CheckpointItemsPage = { checkpoint_items: items, nextMarker: nextMarkerOf(query, items) };
  if (body.checkpoint_items_links !== undefined) page.checkpoint_items_links = body.checkpoint_items_links;
  if (texts !== undefined) (page as CheckpointItemsPageWithTexts).itemTexts = texts;
  if (lines !== undefined) (page as CheckpointItemsPageWithTexts).itemLines = lines;
  return page;
}

function listingPages(itemTexts: boolean): PageFamily<ListCheckpointItemsQuery, CheckpointItemsPage> {
  return {
    read: (query, response) => readListingPage(response, query, itemTexts),
    next: (query, page) => (page.nextMarker === undefined ? undefined : queryAfter(query, page.nextMarker)),
    announcedNext: (query, bodyText) => {
      const marker = peekNextMarker(bodyText);
      return marker === undefined ? undefined : queryAfter(query, marker);
    },
    itemCount: (page) => page.checkpoint_items.length,
    limitOf: askedFor,
    withLimit: (query, limit) => ({ ...query, limit }),
    same: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  };
}

/** The pages of `GET /v1/{project_id}/checkpoint_items`: marker paging. */
export const listingPageFamily = {
  plain: listingPages(false),
  withTexts: listingPages(true),
} as const;
