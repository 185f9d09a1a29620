import type { RawResponse } from '../transport/execute.js';
import { prefetchPages } from './prefetch.js';

/**
 * What a walk needs to know of one kind of page, in the manner of openai-node's
 * `AbstractPage.nextPageRequestOptions()`: the page, read from the answer to its query,
 * names the query of its successor. Pure: no I/O, nothing kept between calls, so each
 * family is tested without a server.
 */
export interface PageFamily<Query, Page> {
  /** Parses and validates the answer to `query`; throws a `CsbsError` when it has the wrong shape. */
  read(query: Query, response: RawResponse): Page;
  /** The query of the page after `page`, or `undefined` when `page` is the last. */
  next(query: Query, page: Page): Query | undefined;
  /**
   * The successor the body announces before it is parsed (a next link, a `total_count` at
   * its end), supposing the page is full: a guess the walk may send at once, checked
   * against `next` once the page is read. `undefined` when the body announces none.
   */
  announcedNext(query: Query, bodyText: string): Query | undefined;
  /** How many items a page holds (counted against the walk's `maxItems`). */
  itemCount(page: Page): number;
  /** The page size `query` asks for. */
  limitOf(query: Query): number;
  /** `query` asking for `limit` items instead (the last page of a capped walk). */
  withLimit(query: Query, limit: number): Query;
  /** Whether two queries ask for the same page. */
  same(a: Query, b: Query): boolean;
}

/** One walk: its pages, the first query, the total cap, and how to send a query (the only I/O). */
export interface WalkPlan<Query, Page> {
  family: PageFamily<Query, Page>;
  first: Query;
  /** At most this many items over the whole walk; `undefined` = every one. */
  maxItems: number | undefined;
  /** Sends one page's query; resolves with the successful answer, unparsed. */
  send(query: Query, signal: AbortSignal): Promise<RawResponse>;
  /** Sees every page in order before its successor is decided; throws to end the walk. */
  check?(query: Query, page: Page): void;
}

/** Where a walk stands: the query of a page, and how many items the pages before it held. */
interface Step<Query> {
  query: Query;
  before: number;
}

const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Walks the pages of `plan`, each page fetched while the one before is still being
 * consumed (`prefetchPages`). When a body announces its successor, that request is sent
 * before the body is parsed, and the thread is let go once so that the request reaches
 * the socket before parsing (milliseconds for a page of 1000) blocks it.
 */
export function walkPages<Query, Page>(
  plan: WalkPlan<Query, Page>,
  signal: AbortSignal | undefined,
): AsyncGenerator<Page, void, undefined> {
  const { family, maxItems } = plan;
  // The cap is the walk's, not the page's: it trims the page size of the last page and
  // ends the walk once `maxItems` items have come.
  const capped = (query: Query | undefined, before: number): Step<Query> | undefined => {
    if (query === undefined) return undefined;
    if (maxItems === undefined) return { query, before };
    const left = maxItems - before;
    if (left <= 0) return undefined;
    return { query: left < family.limitOf(query) ? family.withLimit(query, left) : query, before };
  };
  const first = capped(plan.first, 0);
  if (first === undefined) return (async function* () {})();
  return prefetchPages<Step<Query>, Page>(
    first,
    {
      fetchPage: async (step, pageSignal, hintNext) => {
        const response = await plan.send(step.query, pageSignal);
        const guess = capped(
          family.announcedNext(step.query, response.bodyText),
          step.before + family.limitOf(step.query),
        );
        if (guess !== undefined && hintNext(guess)) await yieldToIo();
        return family.read(step.query, response);
      },
      next: (step, page) => {
        plan.check?.(step.query, page);
        return capped(family.next(step.query, page), step.before + family.itemCount(page));
      },
      same: (a, b) => a.before === b.before && family.same(a.query, b.query),
    },
    signal,
  );
}
