import {
  type CheckpointItem,
  type ListCheckpointItemsQuery,
  listCheckpointItemsResponseSchema,
  listingLimits,
} from '@csbs-kit/models';
import type { RawResponse } from '../transport/execute.js';
import { parseJsonBody, validateJsonBody } from '../transport/json-body.js';
import { arrayItemTexts, parseListingWithTexts } from './item-texts.js';
import type { CheckpointItemsPage, CheckpointItemsPageWithTexts } from './paginator.js';

/**
 * The source text of each item of a listing body that has passed validation. The scanner
 * agrees with `JSON.parse` on every valid body (a property test checks it); should it ever
 * not (a count that differs), the items are serialised instead, so the texts stay right.
 */
function textsOf(bodyText: string, items: readonly CheckpointItem[]): readonly string[] {
  const texts = arrayItemTexts(bodyText, 'checkpoint_items');
  return texts !== undefined && texts.length === items.length
    ? texts
    : items.map((item) => JSON.stringify(item));
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
  // With texts wanted, a compact body is parsed item by item, each piece's text kept.
  const split = itemTexts ? parseListingWithTexts(response.bodyText) : undefined;
  const body =
    split === undefined
      ? parseJsonBody(response, listCheckpointItemsResponseSchema)
      : validateJsonBody(response, split.json, listCheckpointItemsResponseSchema);
  const items = body.checkpoint_items;
  const asked = Math.min(query.limit ?? listingLimits.defaultLimit, listingLimits.maxPageSize);
  const page: CheckpointItemsPage = {
    checkpoint_items: items,
    nextMarker: items.length > 0 && items.length >= asked ? items.at(-1)?.id : undefined,
  };
  if (body.checkpoint_items_links !== undefined) page.checkpoint_items_links = body.checkpoint_items_links;
  if (itemTexts) {
    (page as CheckpointItemsPageWithTexts).itemTexts = split?.texts ?? textsOf(response.bodyText, items);
  }
  return page;
}
