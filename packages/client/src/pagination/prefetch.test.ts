import { describe, expect, it } from 'vitest';
import { type HintNext, type PageSource, PaginationStopped, prefetchPages } from './prefetch.js';

const tick = () => new Promise((r) => setImmediate(r));

/** Pages 0..n-1; each fetch waits until the test releases it. */
function controlledPages(n: number, hint?: (page: number, hintNext: HintNext<number>) => void) {
  const log: string[] = [];
  const signals = new Map<number, AbortSignal>();
  const releases = new Map<number, () => void>();
  const source: PageSource<number, number> = {
    fetchPage: (page, signal, hintNext) => {
      log.push(`fetch ${page}`);
      signals.set(page, signal);
      return new Promise<number>((resolve, reject) => {
        releases.set(page, () => {
          hint?.(page, hintNext);
          resolve(page);
        });
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      });
    },
    next: (page) => (page + 1 < n ? page + 1 : undefined),
    same: (a, b) => a === b,
  };
  const release = (page: number) => releases.get(page)!();
  return { log, signals, release, source };
}

describe('prefetchPages', () => {
  it('starts page N+1 before handing out page N', async () => {
    const p = controlledPages(3);
    const pages = prefetchPages(0, p.source, undefined);
    const first = pages.next();
    await tick();
    expect(p.log).toEqual(['fetch 0']);
    p.release(0);
    expect((await first).value).toBe(0);
    expect(p.log).toEqual(['fetch 0', 'fetch 1']);
    p.release(1);
    expect((await pages.next()).value).toBe(1);
    expect(p.log).toEqual(['fetch 0', 'fetch 1', 'fetch 2']);
    p.release(2);
    expect((await pages.next()).value).toBe(2);
    expect((await pages.next()).done).toBe(true);
    expect(p.log).toHaveLength(3);
  });

  it('sends a hinted guess at once and keeps it when it is right', async () => {
    const p = controlledPages(3, (page, hintNext) => hintNext(page + 1));
    const pages = prefetchPages(0, p.source, undefined);
    const first = pages.next();
    await tick();
    p.release(0);
    expect((await first).value).toBe(0);
    expect(p.log).toEqual(['fetch 0', 'fetch 1']);
    // The consumer asks first, so the walk is waiting on each page when it arrives.
    const second = pages.next();
    await tick();
    p.release(1);
    expect((await second).value).toBe(1);
    const third = pages.next();
    await tick();
    p.release(2);
    expect((await third).value).toBe(2);
    expect((await pages.next()).done).toBe(true);
    // Page 2's hint (page 3) is beyond the end: it was sent, then cancelled.
    expect(p.log).toEqual(['fetch 0', 'fetch 1', 'fetch 2', 'fetch 3']);
    expect(p.signals.get(3)?.aborted).toBe(true);
  });

  it('reads at most two pages ahead: a guessed page hints nothing while the consumer is busy', async () => {
    const taken: boolean[] = [];
    const p = controlledPages(5, (page, hintNext) => taken.push(hintNext(page + 1)));
    const pages = prefetchPages(0, p.source, undefined);
    const first = pages.next();
    await tick();
    p.release(0);
    expect((await first).value).toBe(0);
    // The consumer holds page 0. Page 1 (the next to hand out) arrives and starts page 2;
    // page 2 is only a guess, so its arrival starts nothing.
    p.release(1);
    await tick();
    p.release(2);
    await tick();
    expect(taken).toEqual([true, true, false]);
    expect(p.log).toEqual(['fetch 0', 'fetch 1', 'fetch 2']);
    // Page 3 is asked for once the walk reads page 2, as when no hint is given.
    expect((await pages.next()).value).toBe(1);
    expect(p.log).toEqual(['fetch 0', 'fetch 1', 'fetch 2']);
    expect((await pages.next()).value).toBe(2);
    expect(p.log).toEqual(['fetch 0', 'fetch 1', 'fetch 2', 'fetch 3']);
    await pages.return(undefined);
  });

  it('cancels a wrong guess and asks for the right page', async () => {
    const p = controlledPages(3, (page, hintNext) => hintNext(page + 10));
    const pages = prefetchPages(0, p.source, undefined);
    const first = pages.next();
    await tick();
    p.release(0);
    expect((await first).value).toBe(0);
    expect(p.log).toEqual(['fetch 0', 'fetch 10', 'fetch 1']);
    expect(p.signals.get(10)?.aborted).toBe(true);
    expect(p.signals.get(10)?.reason).toBeInstanceOf(PaginationStopped);
    expect(p.signals.get(1)?.aborted).toBe(false);
  });

  it('aborts and awaits the prefetch when the consumer breaks out', async () => {
    const p = controlledPages(5);
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const pending = (async () => {
        for await (const page of prefetchPages(0, p.source, undefined)) {
          if (page === 0) break;
        }
      })();
      await tick();
      p.release(0);
      await pending;
      expect(p.log).toEqual(['fetch 0', 'fetch 1']);
      expect(p.signals.get(1)?.aborted).toBe(true);
      expect(p.signals.get(1)?.reason).toBeInstanceOf(PaginationStopped);
      await tick();
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('a prefetch failure surfaces when the consumer reaches that page, not before', async () => {
    let calls = 0;
    const pages = prefetchPages(
      0,
      {
        fetchPage: async (page: number) => {
          calls++;
          if (page === 1) throw new Error('page 1 failed');
          return page;
        },
        next: (page: number) => page + 1,
        same: (a: number, b: number) => a === b,
      },
      undefined,
    );
    expect((await pages.next()).value).toBe(0);
    await tick();
    expect(calls).toBe(2);
    await expect(pages.next()).rejects.toThrow('page 1 failed');
  });

  it("passes the caller's signal to every fetch", async () => {
    const controller = new AbortController();
    const p = controlledPages(3);
    const pages = prefetchPages(0, p.source, controller.signal);
    const first = pages.next();
    await tick();
    controller.abort(new Error('stop now'));
    await expect(first).rejects.toThrow('stop now');
  });
});
