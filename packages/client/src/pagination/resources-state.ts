import { type TagQuery, tagQueryLimits } from '@csbs-kit/models';

export interface ResourcesPageRequest {
  conditions: TagQuery;
  offset: number;
  limit: number;
  /** Items still wanted, this page included; `undefined` = all. */
  remaining: number | undefined;
  pageSize: number;
}

export function firstResourcesRequest(
  conditions: TagQuery,
  pageSize: number,
  offset = 0,
  total: number | undefined = undefined,
): ResourcesPageRequest {
  const size = Math.min(pageSize, tagQueryLimits.maxLimit);
  return {
    conditions,
    offset,
    limit: total === undefined ? size : Math.min(size, total),
    remaining: total,
    pageSize: size,
  };
}

/**
 * Offset paging: the next page starts where this one ended; the walk ends at an empty or
 * short page, when `offset` reaches `total_count`, or when the caller's total is reached.
 */
export function nextResourcesRequest(
  request: ResourcesPageRequest,
  received: number,
  totalCount: number,
): ResourcesPageRequest | undefined {
  if (received === 0 || received < request.limit) return undefined;
  const offset = request.offset + received;
  if (offset >= totalCount) return undefined;
  const remaining = request.remaining === undefined ? undefined : request.remaining - received;
  if (remaining !== undefined && remaining <= 0) return undefined;
  return {
    ...request,
    offset,
    limit: remaining === undefined ? request.pageSize : Math.min(request.pageSize, remaining),
    remaining,
  };
}

export function sameResourcesRequest(a: ResourcesPageRequest, b: ResourcesPageRequest): boolean {
  return a.offset === b.offset && a.limit === b.limit && a.remaining === b.remaining;
}

/** `total_count` read from the end of a filter body (`…,"total_count":1234}`), or `undefined`. */
export function peekTotalCount(bodyText: string): number | undefined {
  const match = /"total_count"\s*:\s*(\d+)\s*\}\s*$/.exec(bodyText.slice(-64));
  return match === null ? undefined : Number(match[1]);
}
