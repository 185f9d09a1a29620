// Processes, load runs and statistics for bench/run.ts.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';

export interface Server {
  child: ChildProcess;
  info: Record<string, number | string>;
  url: string;
}

export async function startServer(args: string[]): Promise<Server> {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []),
      '--expose-gc',
      '--import',
      'tsx',
      join(import.meta.dirname, 'server.ts'),
      ...args,
    ],
    { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] },
  );
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) {
    const info = JSON.parse(line) as Record<string, number | string>;
    return { child, info, url: String(info.url) };
  }
  throw new Error(`server ${args.join(' ')} did not start`);
}

export async function stop(server: Server): Promise<void> {
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await exited;
}

/** The server's CPU time so far and its memory, after a full collection when `gc`. */
export function statsOf(server: Server, gc = false): Promise<Record<string, number>> {
  return new Promise((resolve) => {
    server.child.once('message', (message) => resolve((message as { stats: Record<string, number> }).stats));
    server.child.send(gc ? 'gc' : 'stats');
  });
}

/**
 * Starts (`file` absent) or stops and writes a CPU profile of the server's own work, so that
 * a profile holds the measured runs alone rather than the load and every scenario.
 */
export function profileWindow(server: Server, file?: string): Promise<void> {
  return new Promise((resolve) => {
    server.child.once('message', () => resolve());
    server.child.send(file === undefined ? { profile: 'start' } : { profile: 'stop', file });
  });
}

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  cpuMsPerRequest: number;
}

const sampleMs = 10;

/**
 * `amount` requests over `connections` connections, each one made by `next(n)` (distinct
 * when the scenario says so), with the server's CPU time per request.
 */
export async function load(
  server: Server,
  options: {
    method: 'GET' | 'POST';
    headers: Record<string, string>;
    amount: number;
    connections: number;
    next: (n: number) => { path: string; body?: string };
  },
): Promise<LoadResult> {
  let n = 0;
  const first = options.next(0);
  const before = await statsOf(server);
  const started = performance.now();
  // `sampleInt` is an autocannon option its types leave out, hence the plain object.
  const run = {
    url: `${server.url}${first.path}`,
    method: options.method,
    headers: options.headers,
    body: first.body,
    connections: options.connections,
    amount: options.amount,
    // autocannon notices that `amount` is done only on its sampling tick (every 1000 ms by
    // default), so the awaited run ended on a whole second: 1000 requests in 1.2 s and in
    // 1.9 s both read as 2 s, and every req/s figure came in steps (990, 497, 331). A 10 ms
    // tick bounds that error to ~1% of a one-second run.
    sampleInt: sampleMs,
    requests: [
      {
        setupRequest: (req: object) => {
          const made = options.next(n++);
          return { ...req, path: made.path, ...(made.body === undefined ? {} : { body: made.body }) };
        },
      },
    ],
  };
  const result = await autocannon(run);
  const seconds = (performance.now() - started) / 1000;
  const after = await statsOf(server);
  const done = result.requests.total;
  return {
    requestsPerSecond: done / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx + Math.max(0, options.amount - done),
    cpuMsPerRequest: (after.cpuMs! - before.cpuMs!) / Math.max(1, done),
  };
}

/** Mebibytes as the bench prints them. */
export const mb = (x: unknown): string => `${Number(x).toFixed(0)} MiB`;

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

export function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const row of [header, ...rows]) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
}
