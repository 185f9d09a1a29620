import { resourceInstancesFilterResponseSchema, tagQueryLimits } from '@csbs-kit/models';
import type { RawResponse } from '../transport/execute.js';
import { readPageBody } from './page-body.js';
import type { PageFamily } from './page-walk.js';
import type { ResourcesPage, ResourcesPageWithTexts } from './paginator.js';

/** The paging of one tag-query (`action: filter`) page request; the conditions are the walk's. */
export interface ResourcesPageQuery {
  offset: number;
  /** The page size, 1..1000. */
  limit: number;
}

/**
 * Offset paging: the page after one that asked for `query` and got `received` items of
 * `totalCount` starts where it ended. An empty or short page is the last, and so is the
 * page that reaches `total_count` (no request is sent for an empty page past the end).
 */
export function resourcesQueryAfter(
  query: ResourcesPageQuery,
  received: number,
  totalCount: number,
): ResourcesPageQuery | undefined {
  if (received === 0 || received < query.limit) return undefined;
  const offset = query.offset + received;
  return offset >= totalCount ? undefined : { offset, limit: query.limit };
}

/** `total_count` read from the end of a filter body (`…,"total_count":1234}`), or `undefined`. */
export function peekTotalCount(bodyText: string): number | undefined {
  const match = /"total_count"\s*:\s*(\d+)\s*\}\s*$/.exec(bodyText.slice(-64));
  return match === null ? undefined : Number(match[1]);
}

/** A successful filter answer as a page: parsed, validated and, when `itemTexts`, each resource's source text. */
export function readResourcesPage(
  response: RawResponse,
  query: ResourcesPageQuery,
  itemTexts: boolean,
): ResourcesPage {
  const { body, texts, lines } = readPageBody(
    response,
    resourceInstancesFilterResponseSchema,
    'resources',
    itemTexts,
  );
  const page: ResourcesPage = {
    resources: body.resources,
    total_count: body.total_count,
    offset: query.offset,
  };
  if (texts !== undefined) (page as ResourcesPageWithTexts).itemTexts = texts;
  if (lines !== undefined) (page as ResourcesPageWithTexts).itemLines = lines;
  return page;
}

function resourcesPages(itemTexts: boolean): PageFamily<ResourcesPageQuery, ResourcesPage> {
  return {
    read: (query, response) => readResourcesPage(response, query, itemTexts),
    next: (query, page) => resourcesQueryAfter(query, page.resources.length, page.total_count),
    announcedNext: (query, bodyText) => {
      const totalCount = peekTotalCount(bodyText);
      return totalCount === undefined ? undefined : resourcesQueryAfter(query, query.limit, totalCount);
    },
    itemCount: (page) => page.resources.length,
    limitOf: (query) => Math.min(query.limit, tagQueryLimits.maxLimit),
    withLimit: (query, limit) => ({ offset: query.offset, limit }),
    same: (a, b) => a.offset === b.offset && a.limit === b.limit,
  };
}

/** The pages of the tag query's `filter` action: offset paging. */
export const resourcesPageFamily = {
  plain: resourcesPages(false),
  withTexts: resourcesPages(true),
} as const;
