import { type CheckpointItem, type SortField, sortKeys, type TagQuery } from '@csbs-kit/models';
import { TagIndex } from '@csbs-kit/tag-query';
import { GenerationalCache } from './generational-cache.js';
import type { ItemPredicate } from './item-filter.js';
import { buildSortView, findInView, probeOf, type SortView, viewOrderOf } from './sort-view.js';

/** The default listing order, kept built so that the first page is served at once. */
export const defaultSort: readonly SortField[] = [{ key: 'created_at', direction: 'desc' }];
/**
 * Every single-key order is built on load (each serves both directions, read forwards or
 * backwards). Orders of several keys are built on first use; at most this many are kept,
 * the least recently used dropped.
 */
const maxMultiKeyViews = 4;
const singleKeySpecs = new Set(sortKeys.map((key) => viewOrderOf([{ key, direction: 'asc' }]).spec));
/** Tag-query answers kept per scope (per generation of the cache). */
const cachedTagQueries = 256;

export interface ListPageRequest {
  sort: readonly SortField[];
  marker?: string | undefined;
  offset: number;
  limit: number;
  predicate: ItemPredicate | undefined;
}

/** The marker does not name a backup of this scope. */
export class UnknownMarker {
  constructor(readonly marker: string) {}
}

/**
 * The backups one request can see (a project, or every project for `all_tenants`), with the
 * indexes that answer listings and tag queries without a scan of every backup: sorted views
 * (a page is a binary search for the marker plus a forward read) and a TagIndex.
 */
export class ItemScope {
  readonly #items: CheckpointItem[];
  readonly #byId = new Map<string, CheckpointItem>();
  readonly #views = new Map<string, SortView>();
  #tagIndex: TagIndex<CheckpointItem> | undefined;
  // The data never changes while a scope lives, so answers can be kept: paging through one
  // query asks for its total on every page, and the index's set operations over a million
  // backups allocate enough to cost full collections when repeated.
  readonly #tagCounts = new GenerationalCache<string, number>(cachedTagQueries);
  readonly #tagPages = new GenerationalCache<string, CheckpointItem[]>(cachedTagQueries);
  readonly #filterCounts = new GenerationalCache<string, number>(cachedTagQueries);

  constructor(items: readonly CheckpointItem[]) {
    this.#items = [...items];
    for (const item of this.#items) this.#byId.set(item.id, item);
  }

  get size(): number {
    return this.#items.length;
  }

  get items(): readonly CheckpointItem[] {
    return this.#items;
  }

  get(id: string): CheckpointItem | undefined {
    return this.#byId.get(id);
  }

  /** Builds the indexes the common requests need, so no request pays for them. */
  warm(): void {
    this.tagIndex();
    for (const key of sortKeys) this.#view(viewOrderOf([{ key, direction: 'asc' }]));
  }

  tagIndex(): TagIndex<CheckpointItem> {
    this.#tagIndex ??= new TagIndex(this.#items);
    return this.#tagIndex;
  }

  countTagQuery(query: TagQuery): number {
    return this.#tagCounts.get(JSON.stringify(query), () => this.tagIndex().count(query));
  }

  selectTagQuery(query: TagQuery, offset: number, limit: number): CheckpointItem[] {
    const key = `${offset}:${limit}:${JSON.stringify(query)}`;
    return this.#tagPages.get(key, () => this.tagIndex().select(query, { offset, limit }));
  }

  #view(order: ReturnType<typeof viewOrderOf>): SortView {
    const cached = this.#views.get(order.spec);
    if (cached) {
      this.#views.delete(order.spec);
      this.#views.set(order.spec, cached);
      return cached;
    }
    const view = buildSortView(this.#items, order);
    this.#views.set(order.spec, view);
    let multiKey = 0;
    for (const spec of this.#views.keys()) if (!singleKeySpecs.has(spec)) multiKey++;
    for (const spec of this.#views.keys()) {
      if (multiKey <= maxMultiKeyViews) break;
      if (!singleKeySpecs.has(spec)) {
        this.#views.delete(spec);
        multiKey--;
      }
    }
    return view;
  }

  /** One page of the listing; `UnknownMarker` when the marker is not in this scope. */
  listPage(request: ListPageRequest): CheckpointItem[] | UnknownMarker {
    const order = viewOrderOf(request.sort);
    const view = this.#view(order);
    const positions = view.order;
    const n = positions.length;
    let start = 0;
    if (request.marker !== undefined) {
      const markerItem = this.#byId.get(request.marker);
      if (!markerItem) return new UnknownMarker(request.marker);
      const at = findInView(view, probeOf(markerItem, order));
      start = (order.reversed ? n - 1 - at : at) + 1;
    }
    const { predicate, limit } = request;
    const page: CheckpointItem[] = [];
    let skip = request.offset;
    if (!predicate) {
      start += skip;
      skip = 0;
    }
    for (let r = start; r < n && page.length < limit; r++) {
      const item = this.#items[positions[order.reversed ? n - 1 - r : r]!]!;
      if (predicate && !predicate(item)) continue;
      if (skip > 0) {
        skip--;
        continue;
      }
      page.push(item);
    }
    return page;
  }

  /**
   * How many backups pass the filters. A filtered count reads every backup once, so its
   * answer is kept under `key`, a canonical text of the filters.
   */
  count(predicate: ItemPredicate | undefined, key: string): number {
    if (!predicate) return this.#items.length;
    return this.#filterCounts.get(key, () => {
      let count = 0;
      for (const item of this.#items) if (predicate(item)) count++;
      return count;
    });
  }
}
