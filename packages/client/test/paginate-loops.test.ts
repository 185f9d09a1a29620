import { describe, expect, it } from 'vitest';
import { CsbsClient, CsbsPaginationError } from '../src/index.js';
import { sendJson, startServer } from './support/http-server.js';

const ids = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => ({ id: `b-${String(from + i).padStart(4, '0')}` }));

/** A listing server on 127.0.0.1 that answers each page request with `pageFor(marker, n)`. */
async function lyingServer(pageFor: (marker: string | undefined, request: number) => { id: string }[]) {
  let request = 0;
  const server = await startServer((req, res) => {
    const marker = new URL(req.url, 'http://x').searchParams.get('marker') ?? undefined;
    const items = pageFor(marker, request++);
    sendJson(res, 200, {
      checkpoint_items: items,
      checkpoint_items_links: [{ rel: 'next', href: `/v1/p/checkpoint_items?marker=${items.at(-1)?.id}` }],
    });
  });
  const client = new CsbsClient({
    projectId: 'p',
    endpoint: server.url,
    credentials: { token: 't' },
    retry: { maxAttempts: 1 },
  });
  return {
    server,
    client,
    async [Symbol.asyncDispose]() {
      await client.close();
      await server.close();
    },
  };
}

async function walk(client: CsbsClient): Promise<{ seen: string[]; error: unknown }> {
  const seen: string[] = [];
  try {
    for await (const item of client.paginateCheckpointItems({ limit: 10 })) seen.push(item.id);
  } catch (error) {
    return { seen, error };
  }
  return { seen, error: undefined };
}

describe('a listing walk against a server that repeats pages', () => {
  it('stops with a typed error when the server ignores the marker', async () => {
    await using lying = await lyingServer(() => ids(0, 10));
    const { seen, error } = await walk(lying.client);
    expect(CsbsPaginationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      code: 'CSBS_PAGINATION_LOOP',
      name: 'CsbsPaginationError',
      reason: 'marker-not-advancing',
      marker: 'b-0009',
    });
    // The first page once, the repeat never handed out; a couple of requests, not thousands.
    expect(seen).toEqual(ids(0, 10).map((i) => i.id));
    expect(lying.server.requests.length).toBeLessThanOrEqual(3);
  });

  it('stops when the page after the marker starts with the marker itself', async () => {
    await using lying = await lyingServer((marker) => {
      const start = marker === undefined ? 0 : Number(marker.slice(2)); // includes the marker item
      return ids(start, 10);
    });
    const { seen, error } = await walk(lying.client);
    expect(error).toMatchObject({ code: 'CSBS_PAGINATION_LOOP', reason: 'marker-not-advancing' });
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('stops when pages cycle (A, B, A, …) with a marker that moves', async () => {
    await using lying = await lyingServer((_marker, n) => ids(n % 2 === 0 ? 0 : 10, 10));
    const { seen, error } = await walk(lying.client);
    expect(error).toMatchObject({
      code: 'CSBS_PAGINATION_LOOP',
      reason: 'repeated-page',
      repeatedId: 'b-0000',
    });
    expect(seen).toHaveLength(20);
    expect(new Set(seen).size).toBe(20);
  });

  it('walks an honest server to the end', async () => {
    await using honest = await lyingServer((marker) => {
      const start = marker === undefined ? 0 : Number(marker.slice(2)) + 1;
      return ids(start, Math.min(10, 35 - start));
    });
    const { seen, error } = await walk(honest.client);
    expect(error).toBeUndefined();
    expect(seen).toHaveLength(35);
  });
});
