/**
 * csbs benchmarks. Prints ratios against baselines measured in the same run; asserts nothing.
 *
 *   node --import tsx bench/run.ts
 *
 * Sizes come from the environment so a first run can be small:
 *   CSBS_BENCH_RUNS   start-up runs per command (default 10)
 *   CSBS_BENCH_ITEMS  backups in the emulator for the streaming run (default 1000000)
 *   CSBS_BENCH_SMALL  backups of the smaller streaming run (default 100000)
 *   CSBS_BENCH_ONLY   `startup`, `streaming` or `report` (report.ts) to run one part
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoCredentials } from '@csbs-kit/emulator';

const bin = fileURLToPath(new URL('../dist/bin/csbs.js', import.meta.url));
const rssHook = fileURLToPath(new URL('./max-rss.mjs', import.meta.url));
const clientWalk = fileURLToPath(new URL('./client-walk.mjs', import.meta.url));
const runs = Number(process.env.CSBS_BENCH_RUNS ?? 10);
const items = Number(process.env.CSBS_BENCH_ITEMS ?? 1_000_000);
const small = Number(process.env.CSBS_BENCH_SMALL ?? 100_000);
const only = process.env.CSBS_BENCH_ONLY;

interface Measured {
  ms: number;
  rssKiB: number;
  stdout: string;
}

/** Runs node with arguments, stdout discarded unless kept, and measures wall time and peak RSS. */
function measure(args: string[], env: Record<string, string> = {}, keepStdout = false): Promise<Measured> {
  const rssFile = join(tmpdir(), `csbs-bench-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', rssHook, ...args], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: tmpdir(),
      NO_COLOR: '1',
      CSBS_BENCH_RSS_FILE: rssFile,
      ...env,
    },
    stdio: ['ignore', keepStdout ? 'pipe' : 'ignore', 'inherit'],
  });
  let stdout = '';
  child.stdout?.setEncoding('utf8').on('data', (c: string) => {
    stdout += c;
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      if (code !== 0) return reject(new Error(`node ${args.join(' ')} exited with ${code}`));
      const rssKiB = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : Number.NaN;
      rmSync(rssFile, { force: true });
      resolve({ ms, rssKiB, stdout });
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (n: number, digits = 1) => n.toFixed(digits);

async function startup(): Promise<void> {
  const cases: [string, string[]][] = [
    ['node -e 0 (baseline)', ['-e', '0']],
    ['csbs --version', [bin, '--version']],
    ['csbs backups list --help', [bin, 'backups', 'list', '--help']],
  ];
  const times = new Map<string, number[]>(cases.map(([name]) => [name, []]));
  // Interleaved, so that a noisy neighbour slows every case alike.
  for (let i = 0; i < runs; i++) {
    for (const [name, args] of cases) times.get(name)!.push((await measure(args)).ms);
  }
  const base = median(times.get(cases[0]![0])!);
  console.log(`\nstart-up (median of ${runs} runs; goal: <= 2.0x node -e 0)`);
  for (const [name] of cases) {
    const ms = median(times.get(name)!);
    console.log(`  ${name.padEnd(28)} ${fmt(ms).padStart(7)} ms   ${fmt(ms / base, 2)}x`);
  }
}

async function startEmulatorProcess(count: number): Promise<{ url: string; stop: () => Promise<void> }> {
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

async function streaming(): Promise<void> {
  console.log(
    `\nstreaming: csbs backups list -o ndjson > /dev/null (emulator with ${items.toLocaleString('en-US')} backups)`,
  );
  const loadStarted = performance.now();
  const emulator = await startEmulatorProcess(items);
  console.log(`  emulator ready in ${fmt((performance.now() - loadStarted) / 1000)} s at ${emulator.url}`);
  const env = {
    CSBS_ENDPOINT: emulator.url,
    OS_AUTH_TOKEN: demoCredentials.token,
    OS_PROJECT_ID: demoCredentials.projectId,
  };
  try {
    const baseline = await measure([clientWalk], env, true);
    const walked = Number(baseline.stdout.trim());
    const smallRun = await measure(
      [bin, 'backups', 'list', '--max', String(small), '-q', '-o', 'ndjson'],
      env,
    );
    const full = await measure([bin, 'backups', 'list', '--all', '-q', '-o', 'ndjson'], env);
    const rate = (n: number, ms: number) => (n * 1000) / ms;
    const cliRate = rate(walked, full.ms);
    const clientRate = rate(walked, baseline.ms);
    console.log(
      `  client walk (baseline)   ${fmt(baseline.ms / 1000, 2).padStart(6)} s  ${Math.round(clientRate).toLocaleString('en-US').padStart(9)} items/s  peak RSS ${fmt(baseline.rssKiB / 1024)} MB`,
    );
    console.log(
      `  csbs --max ${small.toLocaleString('en-US').padEnd(13)} ${fmt(smallRun.ms / 1000, 2).padStart(6)} s  ${Math.round(rate(small, smallRun.ms)).toLocaleString('en-US').padStart(9)} items/s  peak RSS ${fmt(smallRun.rssKiB / 1024)} MB`,
    );
    console.log(
      `  csbs --all               ${fmt(full.ms / 1000, 2).padStart(6)} s  ${Math.round(cliRate).toLocaleString('en-US').padStart(9)} items/s  peak RSS ${fmt(full.rssKiB / 1024)} MB`,
    );
    console.log(`  items/s, csbs vs client walk:          ${fmt(cliRate / clientRate, 2)}x`);
    console.log(
      `  peak RSS, --all vs --max ${small}: ${fmt(full.rssKiB / smallRun.rssKiB, 2)}x (goal <= 1.2x)`,
    );
    console.log(`  peak RSS, --all:                      ${fmt(full.rssKiB / 1024)} MB (goal < 200 MB)`);
  } finally {
    await emulator.stop();
  }
}

if (!existsSync(bin)) {
  console.error(`${bin} is missing: build first (npx turbo run build --filter=csbs-kit...)`);
  process.exit(1);
}
if (only !== 'streaming' && only !== 'report') await startup();
if (only !== 'startup' && only !== 'report') await streaming();
if (only === undefined || only === 'report') await (await import('./report.ts')).reportBenchmarks();
