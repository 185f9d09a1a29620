/*
 * A listing server that answers instantly, for walks that must be bounded by the code under
 * test rather than by the server. The pages are the emulator's own answers for a generated
 * project, fetched once up front and kept as bytes; each request is then a map lookup and
 * one write. Run it in a worker thread (`startCannedListingThread`), so that it has a core of
 * its own and shares no event loop with a client measured in the same process.
 *
 * Used by the client's walk (client/run.ts) and the CLI's (cli/run.ts).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { demoCredentials, startEmulator } from '@csbs-kit/emulator';

export interface CannedListing {
  /** The endpoint to give the client (`…/v1/{project_id}/checkpoint_items` lives under it). */
  url: string;
  projectId: string;
  token: string;
  /** Backups in the walk, and bytes of all its pages. */
  items: number;
  bytes: number;
  close(): Promise<void>;
}

interface Pages {
  projectId: string;
  token: string;
  items: number;
  /** Page bodies by the marker that asks for them (`''` for the first page). */
  byMarker: Map<string, Buffer>;
}

/** Walks a generated emulator project once, in pages of `pageSize`, keeping each body. */
async function fetchPages(count: number, seed: number, pageSize: number): Promise<Pages> {
  await using emulator = await startEmulator({ port: 0, generate: { count, seed, projects: 1 } });
  const { projectId, token } = demoCredentials;
  const byMarker = new Map<string, Buffer>();
  let marker = '';
  let items = 0;
  for (;;) {
    const query = `limit=${pageSize}${marker === '' ? '' : `&marker=${encodeURIComponent(marker)}`}`;
    const response = await fetch(`${emulator.url}/v1/${projectId}/checkpoint_items?${query}`, {
      headers: { 'x-auth-token': token },
    });
    if (!response.ok) throw new Error(`emulator answered ${response.status}`);
    const body = Buffer.from(await response.arrayBuffer());
    byMarker.set(marker, body);
    const page = (JSON.parse(body.toString('utf8')) as { checkpoint_items: { id: string }[] })
      .checkpoint_items;
    items += page.length;
    if (page.length < pageSize) return { projectId, token, items, byMarker };
    marker = page.at(-1)!.id;
  }
}

/** Serves the pages: `limit` must be the page size they were fetched with. */
async function serve(pages: Pages, pageSize: number): Promise<{ url: string; close(): Promise<void> }> {
  const empty = Buffer.from('{"checkpoint_items":[]}');
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const limit = url.searchParams.get('limit');
    if (!url.pathname.endsWith(`/${pages.projectId}/checkpoint_items`) || limit !== String(pageSize)) {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(`{"error_code":"BENCH.400","error_msg":"the canned listing has pages of ${pageSize} only"}`);
      return;
    }
    const body = pages.byMarker.get(url.searchParams.get('marker') ?? '') ?? empty;
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
    res.end(body);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

interface Ready {
  url: string;
  projectId: string;
  token: string;
  items: number;
  bytes: number;
}

/** Starts the canned listing of `count` generated backups in a worker thread. */
export async function startCannedListingThread(
  count: number,
  options: { seed?: number; pageSize?: number } = {},
): Promise<CannedListing> {
  const worker = new Worker(new URL(import.meta.url), {
    workerData: { count, seed: options.seed ?? 1, pageSize: options.pageSize ?? 1000 },
    execArgv: [...process.execArgv.filter((a) => !a.startsWith('--expose-gc'))],
  });
  const ready = await new Promise<Ready>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return {
    ...ready,
    close: async () => {
      worker.postMessage('close');
      await new Promise((resolve) => worker.once('exit', resolve));
    },
  };
}

if (!isMainThread && (workerData as { count?: number } | null)?.count !== undefined) {
  const { count, seed, pageSize } = workerData as { count: number; seed: number; pageSize: number };
  const pages = await fetchPages(count, seed, pageSize);
  const server = await serve(pages, pageSize);
  let bytes = 0;
  for (const body of pages.byMarker.values()) bytes += body.length;
  const ready: Ready = {
    url: server.url,
    projectId: pages.projectId,
    token: pages.token,
    items: pages.items,
    bytes,
  };
  parentPort?.postMessage(ready);
  parentPort?.on('message', async (message) => {
    if (message === 'close') {
      await server.close();
      parentPort?.close();
    }
  });
}
