import { describe, expect, it } from 'vitest';
import {
  CsbsClient,
  CsbsConnectionError,
  type CsbsError,
  CsbsServiceUnavailableError,
  CsbsTimeoutError,
  type RetrySummary,
} from '../src/index.js';
import { fixtures, item, token, useCleanups } from './support/fixtures.js';
import { sendJson, startServer } from './support/http-server.js';

const cleanups = useCleanups();
const { serve, client } = fixtures(cleanups);

describe('retries', () => {
  it('retries a 503 and waits at least Retry-After', async () => {
    let calls = 0;
    const server = await serve((_req, res) => {
      calls++;
      if (calls === 1)
        sendJson(res, 503, { error_code: 'CSBS.9999', error_msg: 'busy' }, { 'Retry-After': '1' });
      else sendJson(res, 200, { count: 3 });
    });
    const retries: RetrySummary[] = [];
    const started = performance.now();
    const count = await client(server, { hooks: { onRetry: (s) => retries.push(s) } }).countCheckpointItems();
    expect(count).toBe(3);
    expect(performance.now() - started).toBeGreaterThanOrEqual(990);
    expect(retries).toEqual([
      expect.objectContaining({ attempt: 1, reason: 'status 503', status: 503, delayMs: 1000 }),
    ]);
  });

  it('gives up after maxAttempts with the last error', async () => {
    const server = await serve((_req, res) =>
      sendJson(res, 503, { error_code: 'CSBS.9999', error_msg: 'busy' }),
    );
    const error = await client(server, { retry: { maxAttempts: 3, baseDelayMs: 1 } })
      .countCheckpointItems()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsbsServiceUnavailableError);
    expect(server.requests).toHaveLength(3);
  });

  it('retries a connection reset', async () => {
    let calls = 0;
    const server = await serve((_req, res) => {
      calls++;
      if (calls <= 2) res.socket?.destroy();
      else sendJson(res, 200, { count: 1 });
    });
    const retries: RetrySummary[] = [];
    expect(await client(server, { hooks: { onRetry: (s) => retries.push(s) } }).countCheckpointItems()).toBe(
      1,
    );
    expect(retries).toHaveLength(2);
    expect(retries[0]?.reason).toMatch(/UND_ERR_SOCKET|ECONNRESET/);
  });

  it('retries a response cut in the middle of the body', async () => {
    let calls = 0;
    const server = await serve((_req, res) => {
      calls++;
      if (calls === 1) {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000' });
        // Cut once the partial body has left, so the client has started reading it.
        res.write('{"checkpoint_items":[{"id":"a"', () => res.socket?.destroy());
      } else sendJson(res, 200, { checkpoint_items: [item('a')] });
    });
    const page = await client(server).listCheckpointItems();
    expect(page.checkpoint_items).toHaveLength(1);
    expect(calls).toBe(2);
  });

  it('a refused connection is a connection error after the retries', async () => {
    const server = await startServer(() => {});
    const url = server.url;
    await server.close();
    const c = new CsbsClient({
      projectId: 'p',
      endpoint: url,
      credentials: { token },
      retry: { maxAttempts: 2, baseDelayMs: 1 },
    });
    cleanups.push(() => c.close());
    const error = await c.countCheckpointItems().catch((e: unknown) => e);
    expect(CsbsConnectionError.isInstance(error)).toBe(true);
    expect((error as CsbsConnectionError).causeCode).toBe('ECONNREFUSED');
    expect((error as CsbsError).code).toBe('CSBS_CONNECTION_FAILED');
  });

  it('a slow attempt times out and is retried', async () => {
    let calls = 0;
    // The first attempt is never answered (the server closes it at the end of the test), so
    // only the client's attempt timeout can move on; the generous timeout leaves the second,
    // instant attempt room on a busy machine.
    const server = await serve((_req, res) => {
      calls++;
      if (calls > 1) sendJson(res, 200, { count: 2 });
    });
    expect(await client(server, { timeoutMs: 1000 }).countCheckpointItems()).toBe(2);
    expect(calls).toBe(2);
  });

  it('every attempt slow: a timeout error of kind attempt', async () => {
    const server = await serve(() => {
      // never answers
    });
    const error = await client(server, { timeoutMs: 60, retry: { maxAttempts: 2, baseDelayMs: 1 } })
      .countCheckpointItems()
      .catch((e: unknown) => e);
    expect(CsbsTimeoutError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'attempt', timeoutMs: 60, code: 'CSBS_TIMEOUT' });
  });

  it('the total timeout ends the call, waits included', async () => {
    const server = await serve((_req, res) => sendJson(res, 503, {}, { 'Retry-After': '30' }));
    const started = performance.now();
    const error = await client(server, { totalTimeoutMs: 300, retry: { maxElapsedMs: 60_000 } })
      .countCheckpointItems()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'CsbsTimeoutError', kind: 'total', timeoutMs: 300 });
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('a Retry-After beyond maxElapsedMs is not waited for', async () => {
    const server = await serve((_req, res) => sendJson(res, 429, {}, { 'Retry-After': '60' }));
    const started = performance.now();
    await expect(
      client(server, { retry: { maxElapsedMs: 5_000 } }).countCheckpointItems(),
    ).rejects.toMatchObject({
      status: 429,
      retryAfterMs: 60_000,
    });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(server.requests).toHaveLength(1);
  });
});

describe('abort', () => {
  it('stops at once with the signal reason, in flight', async () => {
    const controller = new AbortController();
    const reason = new Error('user cancelled');
    // The request has reached the server, which never answers: only the abort can end the call.
    const server = await serve(() => controller.abort(reason));
    await expect(client(server).countCheckpointItems({}, { signal: controller.signal })).rejects.toBe(reason);
    expect(server.requests).toHaveLength(1);
  });

  it('stops at once while waiting to retry', async () => {
    const server = await serve((_req, res) => sendJson(res, 503, {}, { 'Retry-After': '20' }));
    const controller = new AbortController();
    // onRetry runs just before the 20 s wait starts; abort once it has started.
    const c = client(server, { hooks: { onRetry: () => setImmediate(() => controller.abort()) } });
    const error = await c.countCheckpointItems({}, { signal: controller.signal }).catch((e: unknown) => e);
    expect((error as Error).name).toBe('AbortError');
    expect(server.requests).toHaveLength(1);
  });

  it('an already aborted signal sends nothing', async () => {
    const server = await serve((_req, res) => sendJson(res, 200, { count: 1 }));
    await expect(client(server).countCheckpointItems({}, { signal: AbortSignal.abort('gone') })).rejects.toBe(
      'gone',
    );
    expect(server.requests).toHaveLength(0);
  });
});
