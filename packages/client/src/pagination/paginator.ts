import type { CheckpointItem, CheckpointItemsLink, Resource } from '@csbs-kit/models';

export interface CheckpointItemsPage {
  checkpoint_items: CheckpointItem[];
  checkpoint_items_links?: CheckpointItemsLink[] | null;
  /** The marker of the next page: the last item's id when the page was full, else `undefined`. */
  nextMarker: string | undefined;
  /** Present when the page was asked for with `itemTexts: true`; see `CheckpointItemsPageWithTexts`. */
  itemTexts?: readonly string[];
  /**
   * Can be present when the page was asked for with `itemTexts: true`: the same texts as
   * NDJSON bytes, as the service sent them, each item's text and a line feed, in order.
   * Present when the body was compact (how the service and the emulator send pages), valid
   * UTF-8, and its items hold no raw line break; a caller that writes the page out as
   * NDJSON can write these as they are.
   */
  itemLines?: Uint8Array;
}

/**
 * A listing page asked for with `itemTexts: true`: besides the parsed (and validated)
 * items, the JSON text of each one exactly as the service sent it, so that a caller who
 * writes items out again can copy the text instead of serialising the object again.
 */
export interface CheckpointItemsPageWithTexts extends CheckpointItemsPage {
  /**
   * `itemTexts[i]` is the source text of `checkpoint_items[i]`: the same fields in the same
   * order, unknown ones included, numbers spelled as sent, trimmed of surrounding
   * whitespace but not reformatted inside (a pretty-printing server's newlines stay).
   */
  itemTexts: readonly string[];
}

export interface CheckpointItemsPaginator<Page extends CheckpointItemsPage = CheckpointItemsPage>
  extends AsyncIterable<CheckpointItem> {
  /** The same walk, page by page. */
  pages(): AsyncIterable<Page>;
}

export interface ResourcesPage {
  resources: Resource[];
  total_count: number;
  /** The `offset` this page was asked for. */
  offset: number;
  /** Present when the walk was asked for with `itemTexts: true`; see `ResourcesPageWithTexts`. */
  itemTexts?: readonly string[];
  /** Can be present when the walk was asked for with `itemTexts: true`: as `CheckpointItemsPage.itemLines`, for `resources`. */
  itemLines?: Uint8Array;
}

/** A tag-query page asked for with `itemTexts: true`: as `CheckpointItemsPageWithTexts`, for `resources`. */
export interface ResourcesPageWithTexts extends ResourcesPage {
  /** `itemTexts[i]` is the JSON text of `resources[i]` exactly as the service sent it (trimmed). */
  itemTexts: readonly string[];
}

export interface ResourcesPaginator<Page extends ResourcesPage = ResourcesPage>
  extends AsyncIterable<Resource> {
  /** The same walk, page by page. */
  pages(): AsyncIterable<Page>;
}

/**
 * A lazy walk: nothing is sent until iteration starts, and each iteration (of items or of
 * `pages()`) is a fresh walk from the first page.
 */
export class Paginator<Item, Page> implements AsyncIterable<Item> {
  readonly #walk: () => AsyncGenerator<Page, void, undefined>;
  readonly #itemsOf: (page: Page) => readonly Item[];

  constructor(walk: () => AsyncGenerator<Page, void, undefined>, itemsOf: (page: Page) => readonly Item[]) {
    this.#walk = walk;
    this.#itemsOf = itemsOf;
  }

  pages(): AsyncIterable<Page> {
    return { [Symbol.asyncIterator]: () => this.#walk() };
  }

  [Symbol.asyncIterator](): AsyncIterator<Item, void, undefined> {
    return new ItemIterator(this.#walk(), this.#itemsOf);
  }
}

/**
 * Hands out the items of each page. A plain iterator rather than an async generator: items
 * already on hand are returned without a generator's per-item queueing, which matters at
 * hundreds of thousands of items. `return()` (a `break` in `for await`) stops the walk, so
 * the prefetch in flight is cancelled.
 */
class ItemIterator<Item, Page> implements AsyncIterator<Item, void, undefined> {
  readonly #pages: AsyncGenerator<Page, void, undefined>;
  readonly #itemsOf: (page: Page) => readonly Item[];
  #items: readonly Item[] = [];
  #index = 0;
  #done = false;

  constructor(pages: AsyncGenerator<Page, void, undefined>, itemsOf: (page: Page) => readonly Item[]) {
    this.#pages = pages;
    this.#itemsOf = itemsOf;
  }

  async next(): Promise<IteratorResult<Item, void>> {
    while (this.#index >= this.#items.length) {
      if (this.#done) return { value: undefined, done: true };
      const page = await this.#pages.next();
      if (page.done === true) {
        this.#done = true;
        return { value: undefined, done: true };
      }
      this.#items = this.#itemsOf(page.value);
      this.#index = 0;
    }
    return { value: this.#items[this.#index++] as Item, done: false };
  }

  async return(): Promise<IteratorResult<Item, void>> {
    this.#done = true;
    this.#items = [];
    await this.#pages.return(undefined);
    return { value: undefined, done: true };
  }
}

/** Defers `walk` (and the validation inside it) until the first `next()`. */
export function lazy<T>(
  walk: () => AsyncGenerator<T, void, undefined>,
): () => AsyncGenerator<T, void, undefined> {
  return async function* () {
    yield* walk();
  };
}
