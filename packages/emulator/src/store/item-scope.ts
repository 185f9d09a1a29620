import type { CountCheckpointItemsQuery, SortField, TagQuery } from '@csbs-kit/models';
import { type TagIndex, validateTagQuery } from '@csbs-kit/tag-query';
import { GenerationalCache } from './generational-cache.js';
import { rowOfId } from './id-order.js';
import type { ItemRows } from './item-rows.js';
import { ListingIndex } from './listing-index.js';
import { buildTagIndex, type TagRow } from './tag-rows.js';

/** The default listing order, kept built so that the first page is served at once. */
export const defaultSort: readonly SortField[] = [{ key: 'created_at', direction: 'desc' }];
const idOrder: readonly SortField[] = [{ key: 'id', direction: 'asc' }];
/** A name search that no name passes. */
const warmNameSearch = validateTagQuery({ matches: [{ key: 'resource_name', value: '\u0000\u0000' }] });
/** Tag-query totals kept per scope (per generation of the cache). */
const cachedTagCounts = 256;

export interface ListPageRequest {
  sort: readonly SortField[];
  marker?: string | undefined;
  offset: number;
  limit: number;
  query: CountCheckpointItemsQuery;
}

/** The marker does not name a backup of this scope. */
export class UnknownMarker {
  constructor(readonly marker: string) {}
}

/**
 * The backups one request can see (a project, or every project for `all_tenants`), as rows
 * with the indexes that answer listings, counts and tag queries without a scan of every
 * backup: a ListingIndex (filters and sort orders) and a TagIndex. Immutable once built,
 * so one scope can serve any number of states (a reset reuses it).
 */
export class ItemScope {
  readonly rows: ItemRows;
  #listing: ListingIndex | undefined;
  #tagIndex: TagIndex<TagRow> | undefined;
  // Paging through one tag query asks for its total on every page; the answer is kept.
  readonly #tagCounts = new GenerationalCache<string, number>(cachedTagCounts);

  constructor(rows: ItemRows) {
    this.rows = rows;
  }

  get size(): number {
    return this.rows.size;
  }

  /** The row of the backup with this id (a search of the listing's id order). */
  rowOf(id: string): number | undefined {
    const listing = this.#listingIndex();
    return rowOfId(this.rows, listing.view(idOrder).view.order, id, listing.idBytes);
  }

  /** Builds the indexes, so no request pays for them. */
  warm(): this {
    this.#listingIndex();
    // A name search builds the tag index's name table and grams on first use: done here,
    // so the first query with `matches` does not stall the requests behind it.
    this.#tags().count(warmNameSearch);
    return this;
  }

  #tags(): TagIndex<TagRow> {
    // Handed over in the answer order (created_at desc, then id desc: the listing's
    // created_at order backwards), see `buildTagIndex`.
    this.#tagIndex ??= buildTagIndex(this.rows, this.#listingIndex().columns.createdView.order);
    return this.#tagIndex;
  }

  #listingIndex(): ListingIndex {
    this.#listing ??= new ListingIndex(this.rows.listingFields());
    return this.#listing;
  }

  countTagQuery(query: TagQuery): number {
    return this.#tagCounts.get(JSON.stringify(query), () => this.#tags().count(query));
  }

  /**
   * One tag-query page and the total: the first time a query is seen both come from one
   * evaluation, and the total is kept for the pages after it.
   */
  tagQueryPage(query: TagQuery, offset: number, limit: number): { total: number; rows: number[] } {
    let rows: number[] | undefined;
    const total = this.#tagCounts.get(JSON.stringify(query), () => {
      const page = this.#tags().selectCounted(query, { offset, limit });
      rows = page.backups.map((handle) => handle.row);
      return page.total;
    });
    rows ??= offset >= total ? [] : this.selectTagQuery(query, offset, limit);
    return { total, rows };
  }

  /** The rows of one tag-query page, in the answer order. */
  selectTagQuery(query: TagQuery, offset: number, limit: number): number[] {
    return this.#tags()
      .select(query, { offset, limit })
      .map((handle) => handle.row);
  }

  /** The rows of one listing page; `UnknownMarker` when the marker is not in this scope. */
  listPage(request: ListPageRequest): number[] | UnknownMarker {
    let markerRow: number | undefined;
    if (request.marker !== undefined) {
      markerRow = this.rowOf(request.marker);
      if (markerRow === undefined) return new UnknownMarker(request.marker);
    }
    return this.#listingIndex().page({ ...request, markerRow });
  }

  /** How many backups pass the listing's filters. */
  count(query: CountCheckpointItemsQuery): number {
    return this.#listingIndex().count(query);
  }
}
