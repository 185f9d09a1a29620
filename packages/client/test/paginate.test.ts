import { Agent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CsbsClient,
  CsbsServerError,
  CsbsValidationError,
  type ListCheckpointItemsQuery,
} from '../src/index.js';
import { sendJson, startServer, type TestServer } from './support/http-server.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

interface Listing {
  server: TestServer;
  /** Page requests in arrival order, with the time each arrived and was answered. */
  log: { query: Record<string, string>; arrived: number }[];
}

/** A listing over ids in order, paging by marker/offset/limit like the service, with or without links. */
async function startListing(
  count: number,
  options: { links?: boolean; delayMs?: number; failAt?: string; holdFrom?: number } = {},
): Promise<Listing> {
  const ids = Array.from({ length: count }, (_, i) => `b-${String(i).padStart(5, '0')}`);
  const log: Listing['log'] = [];
  const server = await startServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    const query = Object.fromEntries(url.searchParams);
    log.push({ query, arrived: performance.now() });
    if (options.failAt !== undefined && query.marker === options.failAt) {
      sendJson(res, 500, { error_code: 'CSBS.0500', error_msg: 'boom' });
      return;
    }
    if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
    if (url.pathname.endsWith('/csbs_backup/resource_instances/action')) {
      const body = JSON.parse(req.body);
      const offset = Number(body.offset ?? '0');
      const limit = Number(body.limit ?? '1000');
      const resources = ids
        .slice(offset, offset + limit)
        .map((id) => ({ resource_id: id, resource_name: id, resource_detail: { id }, tags: [] }));
      sendJson(res, 200, { resources, total_count: ids.length });
      return;
    }
    let start = query.marker === undefined ? 0 : ids.indexOf(query.marker) + 1;
    start += Number(query.offset ?? '0');
    // A page from here on is never answered: only an abort (or the server closing) ends it.
    if (options.holdFrom !== undefined && start >= options.holdFrom) return;
    const limit = Math.min(Number(query.limit ?? '1000'), 1000);
    const page = ids.slice(start, start + limit);
    const body: Record<string, unknown> = { checkpoint_items: page.map((id) => ({ id, name: id })) };
    if (options.links && page.length === limit) {
      body.checkpoint_items_links = [{ rel: 'next', href: `${url.pathname}?marker=${page.at(-1)}` }];
    }
    sendJson(res, 200, body);
  });
  cleanups.push(() => server.close());
  return { server, log };
}

function client(server: TestServer) {
  const c = new CsbsClient({
    projectId: 'p',
    endpoint: server.url,
    credentials: { token: 't' },
    retry: { maxAttempts: 1 },
  });
  cleanups.push(() => c.close());
  return c;
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of iterable) out.push(x);
  return out;
}

describe('paginateCheckpointItems', () => {
  it.each([false, true])('walks every item once, links=%s, and stops on the short page', async (links) => {
    const listing = await startListing(2345, { links });
    const params: ListCheckpointItemsQuery = { status: 'available' };
    const items = await collect(client(listing.server).paginateCheckpointItems(params));
    expect(items.map((i) => i.id)).toEqual(
      Array.from({ length: 2345 }, (_, i) => `b-${String(i).padStart(5, '0')}`),
    );
    expect(listing.log.map((l) => l.query.limit)).toEqual(['1000', '1000', '1000']);
    expect(listing.log[1]?.query.marker).toBe('b-00999');
    expect(listing.log.every((l) => l.query.status === 'available')).toBe(true);
    expect(params).toEqual({ status: 'available' });
  });

  it('an exact multiple of the page size ends with one empty page', async () => {
    const listing = await startListing(20);
    const pages = await collect(client(listing.server).paginateCheckpointItems({ limit: 10 }).pages());
    expect(pages.map((p) => p.checkpoint_items.length)).toEqual([10, 10, 0]);
    expect(pages.map((p) => p.nextMarker)).toEqual(['b-00009', 'b-00019', undefined]);
  });

  it('maxItems caps the total; limit is each page; offset applies to the first page only', async () => {
    const listing = await startListing(100);
    const items = await collect(
      client(listing.server).paginateCheckpointItems({ limit: 10, offset: 5 }, { maxItems: 25 }),
    );
    expect(items.map((i) => i.id)).toEqual(
      Array.from({ length: 25 }, (_, i) => `b-${String(i + 5).padStart(5, '0')}`),
    );
    expect(listing.log.map((l) => [l.query.offset, l.query.limit, l.query.marker])).toEqual([
      ['5', '10', undefined],
      [undefined, '10', 'b-00014'],
      [undefined, '5', 'b-00024'],
    ]);
  });

  it('with a next link, the following page is asked for before this one is parsed', async () => {
    // Page 1 fails validation; the request for page 2 went out anyway, from the link alone.
    // Page 2 is never answered: the walk ends (it awaits every request it started) only
    // because it cancels that request; were it waited for, this test would time out.
    const server = await startServer((req, res) => {
      const marker = new URL(req.url, 'http://x').searchParams.get('marker');
      if (marker === null) {
        const items = Array.from({ length: 10 }, (_, i) => (i === 4 ? { name: 'no id' } : { id: `b-${i}` }));
        sendJson(res, 200, {
          checkpoint_items: items,
          checkpoint_items_links: [{ rel: 'next', href: '/v1/p/checkpoint_items?limit=10&marker=b-9' }],
        });
      }
      // The speculative request for page 2 is never answered: were it waited for, the walk
      // would hang and the test time out.
    });
    cleanups.push(() => server.close());
    const sent: (string | null)[] = [];
    const c = new CsbsClient({
      projectId: 'p',
      endpoint: server.url,
      credentials: { token: 't' },
      hooks: { onRequest: (s) => sent.push(new URL(s.url).searchParams.get('marker')) },
    });
    cleanups.push(() => c.close());
    const error = await collect(c.paginateCheckpointItems({ limit: 10 })).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'CSBS_RESPONSE_INVALID',
      issues: [{ path: 'checkpoint_items[4].id' }],
    });
    expect(sent).toEqual([null, 'b-9']);
  });

  it('asks for the next page before the current one is consumed', async () => {
    const listing = await startListing(30, { delayMs: 30 });
    const c = client(listing.server);
    const iterator = c.paginateCheckpointItems({ limit: 10 })[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.value?.id).toBe('b-00000');
    // The consumer holds item 0 and asks for nothing more: only a prefetch can bring the
    // request for page 2 to the server.
    await expect.poll(() => listing.log.length, { timeout: 5000 }).toBe(2);
    expect(listing.log[1]?.query.marker).toBe('b-00009');
    await iterator.return?.();
  });

  it.each([false, true])(
    'breaking out cancels the prefetch cleanly and the client closes, links=%s',
    async (links) => {
      const listing = await startListing(5000, { links, holdFrom: 200 });
      const dispatcher = new Agent({ connections: 8 });
      cleanups.push(() => dispatcher.close());
      const c = new CsbsClient({
        projectId: 'p',
        endpoint: listing.server.url,
        credentials: { token: 't' },
        dispatcher,
      });
      const unhandled: unknown[] = [];
      const onUnhandled = (e: unknown) => unhandled.push(e);
      process.on('unhandledRejection', onUnhandled);
      try {
        let seen = 0;
        for await (const _ of c.paginateCheckpointItems({ limit: 100 })) {
          if (++seen === 150) break;
        }
        expect(seen).toBe(150);
        // The prefetch of page 3 was cancelled with the loop: nothing is running or queued on
        // the pool. The server never answers page 3, so a request that was not aborted would
        // stay running; undici settles an aborted request's socket on a later tick, hence the poll.
        await expect
          .poll(() => dispatcher.stats[listing.server.url], { timeout: 5000 })
          .toMatchObject({ running: 0, pending: 0 });
        await c.close();
        // An unhandled rejection is reported after the microtasks of its turn: one macrotask
        // turn later it would have been seen.
        await new Promise((r) => setImmediate(r));
        expect(unhandled).toEqual([]);
        expect(listing.log.length).toBeLessThanOrEqual(3);
      } finally {
        process.off('unhandledRejection', onUnhandled);
      }
    },
  );

  it('a failing page surfaces as its error after the earlier pages', async () => {
    const listing = await startListing(50, { failAt: 'b-00019' });
    const seen: string[] = [];
    const error = await (async () => {
      for await (const item of client(listing.server).paginateCheckpointItems({ limit: 10 }))
        seen.push(item.id);
    })().catch((e: unknown) => e);
    expect(seen).toHaveLength(20);
    expect(CsbsServerError.isInstance(error)).toBe(true);
  });

  it('each iteration is a fresh walk', async () => {
    const listing = await startListing(15);
    const paginator = client(listing.server).paginateCheckpointItems({ limit: 10 });
    expect(await collect(paginator)).toHaveLength(15);
    expect(await collect(paginator)).toHaveLength(15);
    expect(listing.log).toHaveLength(4);
  });

  it('limit is the page size, as in listCheckpointItems: { limit: 100 } walks every item', async () => {
    const listing = await startListing(250);
    const items = await collect(client(listing.server).paginateCheckpointItems({ limit: 100 }));
    expect(items).toHaveLength(250);
    expect(listing.log.map((l) => l.query.limit)).toEqual(['100', '100', '100']);
  });

  it('a limit over 1000 asks for the 1000 the service answers at most', async () => {
    const listing = await startListing(1500);
    expect(await collect(client(listing.server).paginateCheckpointItems({ limit: 5000 }))).toHaveLength(1500);
    expect(listing.log.map((l) => l.query.limit)).toEqual(['1000', '1000']);
  });

  it('maxItems of exactly one page asks for no page after it', async () => {
    const listing = await startListing(100);
    const items = await collect(
      client(listing.server).paginateCheckpointItems({ limit: 10 }, { maxItems: 10 }),
    );
    expect(items).toHaveLength(10);
    expect(listing.log).toHaveLength(1);
  });

  it.each([0, -1, 1.5, 2 ** 53, '5', Number.NaN])(
    'rejects maxItems %s on iteration, before any request',
    async (maxItems) => {
      const listing = await startListing(1);
      const paginator = client(listing.server).paginateCheckpointItems({}, { maxItems: maxItems as number });
      const error = await collect(paginator).catch((e: unknown) => e);
      expect(CsbsValidationError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ code: 'CSBS_VALIDATION_FAILED', issues: [{ path: 'maxItems' }] });
      expect((error as Error).message).toMatch(/maxItems: must be a whole number from 1 to/);
      expect(listing.log).toHaveLength(0);
    },
  );

  it('refuses the old pageSize option rather than ignoring it, and a bad limit, before any request', async () => {
    const listing = await startListing(1);
    const c = client(listing.server);
    const old = c.paginateCheckpointItems({}, { pageSize: 10 } as never);
    await expect(collect(old)).rejects.toMatchObject({
      issues: [{ path: 'pageSize', message: expect.stringContaining('`limit` in the params') }],
    });
    await expect(collect(c.paginateCheckpointItems({ limit: 0 }))).rejects.toMatchObject({
      issues: [{ path: 'limit' }],
    });
    expect(listing.log).toHaveLength(0);
  });
});

describe('paginateResources', () => {
  it('pages by offset as strings and stops at total_count', async () => {
    const listing = await startListing(2500);
    const c = client(listing.server);
    const pages = await collect(c.paginateResources({ tags: [{ key: 'env', values: ['prod'] }] }).pages());
    expect(pages.map((p) => [p.offset, p.resources.length, p.total_count])).toEqual([
      [0, 1000, 2500],
      [1000, 1000, 2500],
      [2000, 500, 2500],
    ]);
    const bodies = listing.server.requests.map((r) => JSON.parse(r.body));
    expect(bodies.map((b) => [b.action, b.limit, b.offset])).toEqual([
      ['filter', '1000', '0'],
      ['filter', '1000', '1000'],
      ['filter', '1000', '2000'],
    ]);
    expect(bodies[0].tags).toEqual([{ key: 'env', values: ['prod'] }]);
  });

  it('no request past the end when total_count is a multiple of the page', async () => {
    const listing = await startListing(20);
    const items = await collect(client(listing.server).paginateResources({ limit: 10 }));
    expect(items).toHaveLength(20);
    expect(listing.server.requests).toHaveLength(2);
  });

  it('a bad query fails on iteration, before any request', async () => {
    const listing = await startListing(10);
    const c = client(listing.server);
    await expect(collect(c.paginateResources({ selector: 'env in (a' }))).rejects.toMatchObject({
      code: 'CSBS_VALIDATION_FAILED',
      issues: [{ path: 'selector' }],
    });
    await expect(collect(c.paginateResources({ tags: [] }))).rejects.toMatchObject({
      issues: [{ path: 'tags', message: 'must not be empty when present' }],
    });
    await expect(collect(c.paginateResources({ selector: 'env', matches: [] }))).rejects.toMatchObject({
      issues: [{ path: 'matches', message: 'must not be empty when present' }],
    });
    await expect(collect(c.paginateResources({ limit: 0 }))).rejects.toMatchObject({
      issues: [{ path: 'limit' }],
    });
    await expect(collect(c.paginateResources({ limit: 1001 }))).rejects.toMatchObject({
      issues: [{ path: 'limit', message: 'must be between "1" and "1000"' }],
    });
    await expect(collect(c.paginateResources({}, { maxItems: 0 }))).rejects.toMatchObject({
      issues: [{ path: 'maxItems' }],
    });
    await expect(collect(c.paginateResources({}, { pageSize: 5 } as never))).rejects.toMatchObject({
      issues: [{ path: 'pageSize' }],
    });
    expect(listing.server.requests).toHaveLength(0);
  });

  it('offset starts the walk, limit is each page, maxItems caps it', async () => {
    const listing = await startListing(100);
    const items = await collect(
      client(listing.server).paginateResources({ offset: 7, limit: 5 }, { maxItems: 12 }),
    );
    expect(items.map((r) => r.resource_id)).toEqual(
      Array.from({ length: 12 }, (_, i) => `b-${String(i + 7).padStart(5, '0')}`),
    );
    const bodies = listing.server.requests.map((r) => JSON.parse(r.body));
    expect(bodies.map((b) => [b.limit, b.offset])).toEqual([
      ['5', '7'],
      ['5', '12'],
      ['2', '17'],
    ]);
  });

  it('limit is the page size: { limit: 100 } walks every match', async () => {
    const listing = await startListing(250);
    expect(await collect(client(listing.server).paginateResources({ limit: 100 }))).toHaveLength(250);
    expect(listing.server.requests.map((r) => JSON.parse(r.body).limit)).toEqual(['100', '100', '100']);
  });
});
