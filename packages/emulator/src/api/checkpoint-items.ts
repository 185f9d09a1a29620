import { listingLimits, type SortField } from '@csbs-kit/models';
import { errorCodes } from '../error-codes.js';
import { EmulatorHttpError } from '../errors.js';
import { defaultSort, type ItemScope, UnknownMarker } from '../store/item-scope.js';
import type { PooledBody } from '../store/pooled-body.js';
import { invalidParameter } from './invalid-parameter.js';
import { jsonPage } from './json-list.js';
import { countQueryOf, listingQueryOf, sortOf } from './listing-query.js';

/** Which backups a listing request may see, decided from its `all_tenants` flag. */
export type ScopeChooser = (allTenants: boolean) => ItemScope;

/**
 * `GET …/checkpoint_items`: filters, sort, marker, offset, limit (capped at 1000), and a
 * `next` link when the page is full. `linkBase` is `http://host:port/path` of this request.
 */
export function answerListing(choose: ScopeChooser, params: URLSearchParams, linkBase: string): PooledBody {
  const parsed = listingQueryOf(params);
  if (!parsed.ok) throw invalidParameter(parsed.issues);
  const query = parsed.query;
  let sort: readonly SortField[] = defaultSort;
  if (query.sort !== undefined) {
    const parsedSort = sortOf(query.sort);
    if (!parsedSort.ok) throw invalidParameter(`sort: ${parsedSort.message}`);
    sort = parsedSort.fields;
  }
  const limit = Math.min(query.limit ?? listingLimits.defaultLimit, listingLimits.maxPageSize);
  const scope = choose(query.all_tenants === true);
  const page = scope.listPage({
    sort,
    marker: query.marker,
    offset: query.offset ?? 0,
    limit,
    query,
  });
  if (page instanceof UnknownMarker) {
    throw invalidParameter('marker: no backup with this id in the listed project(s)');
  }
  let links = '';
  const lastRow = page[page.length - 1];
  if (lastRow !== undefined && page.length === limit) {
    // The link names the next page: the same filters and sort, after this page's last id.
    // `offset` is dropped, or following links would skip that many backups on every page.
    const next = new URLSearchParams();
    for (const [name, value] of params) if (name !== 'marker' && name !== 'offset') next.append(name, value);
    next.append('marker', scope.rows.idAt(lastRow));
    links = `,"checkpoint_items_links":${JSON.stringify([{ rel: 'next', href: `${linkBase}?${next.toString()}` }])}`;
  }
  return jsonPage('{"checkpoint_items":', page, (out, row) => scope.rows.writeItem(out, row), `${links}}`);
}

/** `GET …/checkpoint_items/count`: the listing's filters, `{ "count": n }`. */
export function answerCount(choose: ScopeChooser, params: URLSearchParams): string {
  const parsed = countQueryOf(params);
  if (!parsed.ok) throw invalidParameter(parsed.issues);
  const scope = choose(parsed.query.all_tenants === true);
  return JSON.stringify({ count: scope.count(parsed.query) });
}

/** `GET …/checkpoint_items/{id}`: one backup of the project, else 404 `CSBS.3001`. */
export function answerGetItem(scope: ItemScope, id: string): string {
  const row = scope.rowOf(id);
  if (row === undefined) {
    throw new EmulatorHttpError(
      404,
      errorCodes.notFound,
      `checkpoint item ${id} does not exist in this project`,
    );
  }
  return `{"checkpoint_item":${scope.rows.itemJson(row)}}`;
}
