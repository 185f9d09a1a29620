/**
 * Benchmarks of `csbs report` and of fleet walks; ratios against baselines measured in
 * the same run, interleaved and repeated (medians), asserting nothing.
 *
 *   CSBS_BENCH_ONLY=report node --import tsx bench/run.ts
 *
 *   CSBS_BENCH_REPORT_ITEMS  backups for report vs list (default 1000000)
 *   CSBS_BENCH_FLEET_ITEMS   backups per project of the 8-project fleet (default 50000)
 *   CSBS_BENCH_REPEAT        repetitions (default 3)
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoCredentials, type EmulatorData, generateEmulatorData, startEmulator } from '@csbs-kit/emulator';

const bin = fileURLToPath(new URL('../dist/bin/csbs.js', import.meta.url));
const rssHook = fileURLToPath(new URL('./max-rss.mjs', import.meta.url));
const reportItems = Number(process.env.CSBS_BENCH_REPORT_ITEMS ?? 1_000_000);
const fleetItems = Number(process.env.CSBS_BENCH_FLEET_ITEMS ?? 50_000);
const repeat = Number(process.env.CSBS_BENCH_REPEAT ?? 3);

interface Measured {
  ms: number;
  rssKiB: number;
  code: number;
}

/** Runs `csbs` with stdout to /dev/null; wall time and the child's own peak RSS. */
function measure(args: string[], env: Record<string, string>): Promise<Measured> {
  const rssFile = join(tmpdir(), `csbs-bench-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', rssHook, bin, ...args], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: tmpdir(),
      NO_COLOR: '1',
      CSBS_BENCH_RSS_FILE: rssFile,
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      const rssKiB = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : Number.NaN;
      rmSync(rssFile, { force: true });
      if (code !== 0) return reject(new Error(`csbs ${args.join(' ')} exited with ${code}`));
      resolve({ ms, rssKiB, code: code ?? -1 });
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const fmt = (n: number, digits = 1) => n.toFixed(digits);

/** Runs the cases interleaved `repeat` times, so a noisy neighbour slows each alike. */
async function compare(
  cases: [string, string[]][],
  env: Record<string, string>,
): Promise<Map<string, Measured[]>> {
  const results = new Map<string, Measured[]>(cases.map(([name]) => [name, []]));
  for (let i = 0; i < repeat; i++) {
    for (const [name, args] of cases) results.get(name)?.push(await measure(args, env));
  }
  return results;
}

function line(name: string, runs: Measured[], baseMs: number): string {
  const ms = median(runs.map((r) => r.ms));
  const rss = Math.max(...runs.map((r) => r.rssKiB)) / 1024;
  return `  ${name.padEnd(44)} ${fmt(ms / 1000, 2).padStart(7)} s  ${fmt(ms / baseMs, 2).padStart(5)}x  peak RSS ${fmt(rss)} MB`;
}

async function reportVsList(): Promise<void> {
  console.log(`\nreport vs list: ${reportItems.toLocaleString('en-US')} backups, median of ${repeat}`);
  // A separate process, as a real service would be: the emulator's CPU is not the CLI's.
  const emulator = await emulatorProcess(reportItems);
  const env = {
    CSBS_ENDPOINT: emulator.url,
    OS_AUTH_TOKEN: demoCredentials.token,
    OS_PROJECT_ID: demoCredentials.projectId,
  };
  try {
    const list = 'backups list --all -o ndjson (baseline)';
    const report = 'report --by team,env --stale 7d -o json';
    const results = await compare(
      [
        [list, ['backups', 'list', '--all', '-q', '-o', 'ndjson']],
        [report, ['report', '--by', 'team,env', '--stale', '7d', '-q', '-o', 'json']],
      ],
      env,
    );
    const base = median((results.get(list) ?? []).map((r) => r.ms));
    for (const [name, runs] of results) console.log(line(name, runs, base));
    console.log('  goal: report <= 1.2x the list, peak RSS < 250 MB');
  } finally {
    await emulator.stop();
  }
}

async function emulatorProcess(count: number): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(
    process.execPath,
    [bin, 'emulator', '--port', '0', '--generate', String(count), '--projects', '1', '--seed', '1'],
    {
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      out += c;
      const m = /http:\/\/[^\s]+/.exec(out);
      if (m && out.includes('\n')) resolve(m[0]);
    });
    child.on('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
  });
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function fleetOf(projects: number, count: number): EmulatorData {
  const data: EmulatorData = { projects: {}, credentials: [], users: [] };
  for (let i = 0; i < projects; i++) {
    const id = `bench-project-${i}`;
    const generated = generateEmulatorData({ count, seed: 1 + i, projects: 1 });
    const items = Object.values(generated.projects)[0]?.checkpoint_items ?? [];
    data.projects[id] = {
      checkpoint_items: items.map((item) => ({ ...item, id: `${i.toString(16)}${item.id.slice(1)}` })),
    };
    data.credentials?.push({
      access_key: `BENCHAK${i}`.padEnd(20, '0'),
      secret_key: `bench-secret-${i}`.padEnd(40, '0'),
      project_id: id,
    });
    data.users?.push({
      name: i === 0 ? 'bench-admin' : `bench-${i}`,
      password: 'bench-password',
      domain_name: 'bench',
      project_id: id,
      project_name: `eu-de_${id}`,
      ...(i === 0 ? { admin: true } : {}),
    });
  }
  return data;
}

async function fleetWalks(): Promise<void> {
  const projects = 8;
  console.log(
    `\nfleet: ${projects} projects x ${fleetItems.toLocaleString('en-US')} backups, backups list --all-projects --all, median of ${repeat}`,
  );
  // In this process: it idles while the CLI runs, so the emulator has a core of its own.
  await using emulator = await startEmulator({ data: fleetOf(projects, fleetItems) });
  const env = {
    CSBS_ENDPOINT: emulator.url,
    OS_AUTH_URL: emulator.url,
    OS_USERNAME: 'bench-admin',
    OS_PASSWORD: 'bench-password',
    OS_USER_DOMAIN_NAME: 'bench',
    OS_PROJECT_ID: 'bench-project-0',
    OS_REGION_NAME: 'eu-de',
  };
  const args = ['backups', 'list', '--all-projects', '--all', '-q', '-o', 'ndjson'];
  for (const latency of [0, 50]) {
    emulator.setFaults(latency === 0 ? undefined : { latencyMs: latency });
    const one = `--concurrency 1 (baseline), latency ${latency} ms`;
    const four = `--concurrency 4, latency ${latency} ms`;
    const results = await compare(
      [
        [one, [...args, '--concurrency', '1']],
        [four, [...args, '--concurrency', '4']],
      ],
      env,
    );
    const base = median((results.get(one) ?? []).map((r) => r.ms));
    for (const [name, runs] of results) console.log(line(name, runs, base));
  }
  emulator.setFaults(undefined);
  console.log(
    '  goal: --concurrency 4 >= 3x faster than one project after another (a ratio < 1 here: 1/ratio is the speed-up)',
  );
}

export async function reportBenchmarks(): Promise<void> {
  await reportVsList();
  await fleetWalks();
}
