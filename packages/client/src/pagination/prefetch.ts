/** Why a prefetched request was cancelled: the consumer stopped early, or a guess was wrong. */
export class PaginationStopped extends Error {
  override name = 'PaginationStopped';
  constructor(reason = 'the consumer stopped paging') {
    super(reason);
  }
}

/**
 * Called by a page fetch as soon as it can guess the following request (for example from
 * the body's next link, before the body is parsed and validated); the guess is sent at once
 * and kept if it turns out right. Answers whether it was sent: only the page the walk will
 * hand out next may start its successor, never a guess, so however slow the consumer the
 * walk reads at most two pages ahead of the one it holds.
 */
export type HintNext<Request> = (guess: Request) => boolean;

export interface PageSource<Request, Page> {
  fetchPage(request: Request, signal: AbortSignal, hintNext: HintNext<Request>): Promise<Page>;
  /** The request after `page`, or `undefined` when the walk is over. */
  next(request: Request, page: Page): Request | undefined;
  /** Whether a guessed request is the one `next` decided on. */
  same(a: Request, b: Request): boolean;
}

interface InFlight<Request, Page> {
  request: Request;
  controller: AbortController;
  promise: Promise<Page>;
  guess: InFlight<Request, Page> | undefined;
}

function abortAll<R, P>(flight: InFlight<R, P> | undefined, reason: Error): Promise<unknown>[] {
  const waits: Promise<unknown>[] = [];
  for (let f = flight; f !== undefined; f = f.guess) {
    f.controller.abort(reason);
    waits.push(f.promise.catch(() => {}));
  }
  return waits;
}

/**
 * Walks pages, starting the request for page N+1 before page N is handed out: as soon as
 * page N's fetch hints at it (speculatively, checked once page N is read), else as soon as
 * page N has arrived. A guessed page does not hint in turn, so at most two pages are
 * fetched ahead of the one the consumer holds. The network wait thus overlaps parsing,
 * validation and the caller's work. When the consumer stops early, every request in flight is aborted and awaited, so
 * nothing is left running and no rejection goes unhandled.
 */
export async function* prefetchPages<Request, Page>(
  first: Request,
  source: PageSource<Request, Page>,
  signal: AbortSignal | undefined,
): AsyncGenerator<Page, void, undefined> {
  let stopped = false;
  // The page the walk hands out next: the only flight whose hint is taken (a guess's hint
  // would start a guess of its own, and so on without bound while the consumer is busy).
  let current: InFlight<Request, Page> | undefined;
  const start = (request: Request): InFlight<Request, Page> => {
    const controller = new AbortController();
    const pageSignal =
      signal === undefined ? controller.signal : AbortSignal.any([signal, controller.signal]);
    const flight: InFlight<Request, Page> = {
      request,
      controller,
      promise: undefined as never,
      guess: undefined,
    };
    flight.promise = source.fetchPage(request, pageSignal, (guess) => {
      if (stopped || current !== flight || flight.guess !== undefined || controller.signal.aborted)
        return false;
      flight.guess = start(guess);
      return true;
    });
    // Observed here so a failure while the consumer is busy is not "unhandled"; the walk's
    // `await` still receives it.
    flight.promise.catch(() => {});
    return flight;
  };

  current = start(first);
  try {
    while (current !== undefined) {
      const page: Page = await current.promise;
      const following = source.next(current.request, page);
      const guess: InFlight<Request, Page> | undefined = current.guess;
      let upcoming: InFlight<Request, Page> | undefined;
      if (guess !== undefined && following !== undefined && source.same(guess.request, following)) {
        upcoming = guess;
      } else {
        if (guess !== undefined) abortAll(guess, new PaginationStopped('the guessed next page was wrong'));
        upcoming = following === undefined ? undefined : start(following);
      }
      current.guess = undefined;
      current = upcoming;
      yield page;
    }
  } finally {
    stopped = true;
    if (current !== undefined) await Promise.all(abortAll(current, new PaginationStopped()));
  }
}
