// Throughput of the emulator against the ceiling of this machine: a bare node:http server
// that answers a canned body of the same size, measured in the same run. Prints ratios, never
// asserts timings. Sizes come from the environment so a small run can come first:
//   BENCH_COUNT (backups, default 1000000), BENCH_DURATION (s, default 10),
//   BENCH_CONNECTIONS (default 32), BENCH_WARMUP (s, default 2), BENCH_ONLY (scenario name part).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { demoCredentials as demo } from '../src/index.js';

const count = Number(process.env.BENCH_COUNT ?? 1_000_000);
const duration = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const warmup = Number(process.env.BENCH_WARMUP ?? 2);
/** Runs only the scenarios whose name contains this text. */
const only = process.env.BENCH_ONLY ?? '';

interface Scenario {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  /** A body per request, so that answers cannot come from the emulator's answer cache. */
  bodies?: (n: number) => string;
}

const prodQuery = [{ key: 'env', values: ['prod'] }];
/** Full pages of the prod query, up to 1000; set once the emulator has answered a count. */
let distinctPages = 1;

const scenarios: Scenario[] = [
  {
    name: 'tag query filter, limit 100',
    method: 'POST',
    path: `/v1/${demo.projectId}/csbs_backup/resource_instances/action`,
    body: JSON.stringify({ action: 'filter', limit: '100', tags: prodQuery }),
  },
  {
    name: 'tag query, distinct pages',
    method: 'POST',
    path: `/v1/${demo.projectId}/csbs_backup/resource_instances/action`,
    body: JSON.stringify({ action: 'filter', limit: '100', tags: prodQuery }),
    bodies: (n) =>
      JSON.stringify({
        action: 'filter',
        limit: '100',
        offset: String(((n * 7919) % distinctPages) * 100),
        tags: prodQuery,
      }),
  },
  { name: 'listing page of 100', method: 'GET', path: `/v1/${demo.projectId}/checkpoint_items?limit=100` },
];

async function startServer(
  args: string[],
): Promise<{ child: ChildProcess; info: Record<string, number | string> }> {
  const child = spawn(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', join(import.meta.dirname, 'server.ts'), ...args],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) return { child, info: JSON.parse(line) };
  throw new Error(`server ${args.join(' ')} did not start`);
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

function headersOf(scenario: Scenario): Record<string, string> {
  const headers: Record<string, string> = { 'X-Auth-Token': demo.token };
  if (scenario.body) headers['Content-Type'] = 'application/json';
  return headers;
}

async function load(url: string, scenario: Scenario, seconds: number) {
  let n = 0;
  const bodies = scenario.bodies;
  return autocannon({
    url: `${url}${scenario.path}`,
    method: scenario.method,
    headers: headersOf(scenario),
    body: scenario.body,
    connections,
    duration: seconds,
    ...(bodies ? { requests: [{ setupRequest: (req: object) => ({ ...req, body: bodies(n++) }) }] } : {}),
  });
}

async function main(): Promise<void> {
  console.log(`csbs-emulator bench: ${count} backups, ${connections} connections, ${duration} s per run`);
  const { child: emulator, info } = await startServer(['emulator', String(count)]);
  console.log(
    `load: ${(Number(info.loadMs) / 1000).toFixed(1)} s, RSS ${Number(info.rssMb).toFixed(0)} MiB (heap ${Number(info.heapMb).toFixed(0)} MiB)`,
  );
  const counted = await fetch(`${info.url}${scenarios[0]!.path}`, {
    method: 'POST',
    headers: headersOf(scenarios[0]!),
    body: JSON.stringify({ action: 'count', tags: prodQuery }),
  });
  const total = ((await counted.json()) as { total_count: number }).total_count;
  distinctPages = Math.max(1, Math.min(1000, Math.floor(total / 100)));
  const dir = mkdtempSync(join(tmpdir(), 'csbs-bench-'));
  const rows: string[][] = [];
  try {
    for (const scenario of scenarios.filter((s) => s.name.includes(only))) {
      const sample = await fetch(`${info.url}${scenario.path}`, {
        method: scenario.method,
        headers: headersOf(scenario),
        body: scenario.body ?? null,
      });
      const body = Buffer.from(await sample.arrayBuffer());
      if (sample.status !== 200) throw new Error(`${scenario.name}: status ${sample.status}`);
      const bodyFile = join(dir, 'body.json');
      writeFileSync(bodyFile, body);
      const { child: ceiling, info: ceilingInfo } = await startServer(['ceiling', bodyFile]);
      try {
        if (warmup > 0) await load(String(ceilingInfo.url), scenario, warmup);
        const base = await load(String(ceilingInfo.url), scenario, duration);
        if (warmup > 0) await load(String(info.url), scenario, warmup);
        const run = await load(String(info.url), scenario, duration);
        const failures = run.errors + run.timeouts + run.non2xx;
        rows.push([
          scenario.name,
          `${(body.length / 1024).toFixed(0)} KiB`,
          base.requests.average.toFixed(0),
          run.requests.average.toFixed(0),
          `${(run.requests.average / base.requests.average).toFixed(2)}x`,
          `${run.latency.p99} ms`,
          `${base.latency.p99} ms`,
          String(failures),
        ]);
      } finally {
        await stop(ceiling);
      }
    }
  } finally {
    await stop(emulator);
    rmSync(dir, { recursive: true, force: true });
  }
  const header = [
    'scenario',
    'body',
    'ceiling req/s',
    'emulator req/s',
    'ratio',
    'p99',
    'ceiling p99',
    'errors',
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const row of [header, ...rows]) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
}

await main();
