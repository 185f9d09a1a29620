import type { CheckpointItem, CountCheckpointItemsQuery, SortField, TagQuery } from '@csbs-kit/models';
import { TagIndex } from '@csbs-kit/tag-query';
import { GenerationalCache } from './generational-cache.js';
import { azOf, imageTypeOf, normalizeTime, resourceNameOf, textOf } from './item-fields.js';
import { type ListingFields, ListingIndex } from './listing-index.js';

/** The default listing order, kept built so that the first page is served at once. */
export const defaultSort: readonly SortField[] = [{ key: 'created_at', direction: 'desc' }];
/** Tag-query answers kept per scope (per generation of the cache). */
const cachedTagQueries = 256;

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

/** The listing's fields of every item, as the index reads them. */
function listingFieldsOf(items: readonly CheckpointItem[]): ListingFields {
  const column = (read: (item: CheckpointItem) => string) => items.map(read);
  return {
    id: column((item) => item.id),
    status: column((item) => textOf(item.status)),
    resource_id: column((item) => textOf(item.resource_id)),
    checkpoint_id: column((item) => textOf(item.checkpoint_id)),
    resource_type: column((item) => textOf(item.resource_type)),
    policy_id: column((item) => textOf(item.policy_id)),
    az: column(azOf),
    image_type: column(imageTypeOf),
    name: column((item) => textOf(item.name)),
    resource_name: column(resourceNameOf),
    created_at: column((item) => normalizeTime(item.created_at)),
    updated_at: column((item) => normalizeTime(item.updated_at)),
    protected_at: column((item) => normalizeTime(item.protected_at)),
  };
}

/**
 * The backups one request can see (a project, or every project for `all_tenants`), with the
 * indexes that answer listings, counts and tag queries without a scan of every backup: a
 * ListingIndex (filters and sort orders) and a TagIndex.
 */
export class ItemScope {
  readonly #items: CheckpointItem[];
  readonly #byId = new Map<string, number>();
  #listing: ListingIndex | undefined;
  #tagIndex: TagIndex<CheckpointItem> | undefined;
  // The data never changes while a scope lives, so tag-query answers can be kept: paging
  // through one query asks for its total on every page.
  readonly #tagCounts = new GenerationalCache<string, number>(cachedTagQueries);
  readonly #tagPages = new GenerationalCache<string, CheckpointItem[]>(cachedTagQueries);

  constructor(items: readonly CheckpointItem[]) {
    this.#items = [...items];
    for (let row = 0; row < this.#items.length; row++) this.#byId.set(this.#items[row]!.id, row);
  }

  get size(): number {
    return this.#items.length;
  }

  get items(): readonly CheckpointItem[] {
    return this.#items;
  }

  get(id: string): CheckpointItem | undefined {
    const row = this.#byId.get(id);
    return row === undefined ? undefined : this.#items[row];
  }

  /** Builds the indexes, so no request pays for them. */
  warm(): void {
    this.tagIndex();
    this.#listingIndex();
  }

  tagIndex(): TagIndex<CheckpointItem> {
    this.#tagIndex ??= new TagIndex(this.#items);
    return this.#tagIndex;
  }

  #listingIndex(): ListingIndex {
    this.#listing ??= new ListingIndex(listingFieldsOf(this.#items));
    return this.#listing;
  }

  countTagQuery(query: TagQuery): number {
    return this.#tagCounts.get(JSON.stringify(query), () => this.tagIndex().count(query));
  }

  selectTagQuery(query: TagQuery, offset: number, limit: number): CheckpointItem[] {
    const key = `${offset}:${limit}:${JSON.stringify(query)}`;
    return this.#tagPages.get(key, () => this.tagIndex().select(query, { offset, limit }));
  }

  /** One page of the listing; `UnknownMarker` when the marker is not in this scope. */
  listPage(request: ListPageRequest): CheckpointItem[] | UnknownMarker {
    let markerRow: number | undefined;
    if (request.marker !== undefined) {
      markerRow = this.#byId.get(request.marker);
      if (markerRow === undefined) return new UnknownMarker(request.marker);
    }
    const rows = this.#listingIndex().page({ ...request, markerRow });
    return rows.map((row) => this.#items[row]!);
  }

  /** How many backups pass the listing's filters. */
  count(query: CountCheckpointItemsQuery): number {
    return this.#listingIndex().count(query);
  }
}
