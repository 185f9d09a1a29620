/**
 * csbs benchmarks. Prints ratios against baselines measured in the same run; asserts nothing.
 *
 *   node --import tsx cli/run.ts        (from bench/; or `pnpm bench csbs-kit` at the root)
 *
 * Three parts, each interleaved over repeated runs and reported as medians:
 *   startup  `node -e 0` (baseline) against csbs --version, --help, a real command
 *            (`backups list --max 5 -o json` against a local emulator) with a warm compile
 *            cache (what every run but the first sees) and a cold one (a fresh
 *            NODE_COMPILE_CACHE folder per run: the first run after an install), and a
 *            short walk with and without the bin's restart (apps/cli/src/bin/walk-option.ts);
 *            with CSBS_BENCH_BASELINE_BIN, the same commands of another build in the same
 *            interleaved runs, for a before/after;
 *   walk     the client's own walk (baseline), a raw undici loop and `csbs backups list
 *            --all -o ndjson`, all against a canned listing that answers instantly (the
 *            emulator's pages served from memory in a worker thread), so the walk is bounded
 *            by the code under test and not by the server;
 *   rss      peak RSS of the ndjson walk over a 1M-backup emulator, against --max of a
 *            smaller run (bounded by the emulator, so only its memory figures count).
 *
 * Sizes come from the environment so a first run can be small:
 *   CSBS_BENCH_RUNS        start-up runs per command (default 15)
 *   CSBS_BENCH_WALK_ITEMS  backups in the canned listing (default 100000)
 *   CSBS_BENCH_WALK_ROUNDS rounds of the walk comparison (default 5)
 *   CSBS_BENCH_ITEMS       backups in the emulator of the RSS run (default 1000000)
 *   CSBS_BENCH_SMALL       backups of the smaller RSS run (default 100000)
 *   CSBS_BENCH_TABLE_ROWS  backups of the table run (default 20000)
 *   CSBS_BENCH_TABLE_RUNS  runs per format of the table run (default 5)
 *   CSBS_BENCH_ONLY        `startup`, `walk`, `rss`, `tables` or `report` (report.ts) to run one part
 *   CSBS_BENCH_BASELINE_BIN another build's dist/bin/csbs.js (a copy of the dist folder of
 *                          an earlier commit, with its package.json beside it) to compare
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoCredentials, startEmulator } from '@csbs-kit/emulator';
import { startCannedListingThread } from '../support/canned-listing.ts';
import { bin, fmt, measure, median, startEmulatorProcess } from './processes.ts';

const clientWalk = fileURLToPath(new URL('./client-walk.mjs', import.meta.url));
const rawWalk = fileURLToPath(new URL('./raw-walk.mjs', import.meta.url));
const runs = Number(process.env.CSBS_BENCH_RUNS ?? 15);
const walkItems = Number(process.env.CSBS_BENCH_WALK_ITEMS ?? 100_000);
const walkRounds = Number(process.env.CSBS_BENCH_WALK_ROUNDS ?? 5);
const items = Number(process.env.CSBS_BENCH_ITEMS ?? 1_000_000);
const small = Number(process.env.CSBS_BENCH_SMALL ?? 100_000);
const only = process.env.CSBS_BENCH_ONLY;
const tableRows = Number(process.env.CSBS_BENCH_TABLE_ROWS ?? 20_000);
const tableRuns = Number(process.env.CSBS_BENCH_TABLE_RUNS ?? 5);

const restarting = 'csbs backups list --all -o json';
const optionGiven = '  the same, option given (no restart)';

interface StartupCase {
  name: string;
  args: string[];
  /** A fresh compile cache folder for each run: the first run after an install. */
  cold?: boolean;
}

async function startup(): Promise<void> {
  // The real command needs a server: a small emulator in this process, idle between runs.
  await using emulator = await startEmulator({
    port: 0,
    generate: { count: 1000, seed: 1, projects: 1 },
  });
  const env = {
    CSBS_ENDPOINT: emulator.url,
    OS_AUTH_TOKEN: demoCredentials.token,
    OS_PROJECT_ID: demoCredentials.projectId,
  };
  const real = ['backups', 'list', '--max', '5', '-o', 'json', '-q'];
  const commands = (label: string, csbs: string): StartupCase[] => [
    { name: `${label} --version`, args: [csbs, '--version'] },
    { name: `${label} backups list --help`, args: [csbs, 'backups', 'list', '--help'] },
    { name: `${label} backups list --max 5 -o json`, args: [csbs, ...real] },
    { name: '  the same, cold compile cache', args: [csbs, ...real], cold: true },
  ];
  const baselineBin = process.env.CSBS_BENCH_BASELINE_BIN;
  const cases: StartupCase[] = [
    { name: 'node -e 0 (baseline)', args: ['-e', '0'] },
    ...commands('csbs', bin),
    // A walk restarts the bin with a small young generation (src/bin/walk-option.ts); with
    // the option already given it does not: the difference is what the restart costs.
    { name: restarting, args: [bin, 'backups', 'list', '--all', '-o', 'json', '-q'] },
    {
      name: optionGiven,
      // The option the bin restarts with (apps/cli/src/bin/walk-option.ts `walkNodeOption`).
      args: ['--max-semi-space-size=8', bin, 'backups', 'list', '--all', '-o', 'json', '-q'],
    },
    ...(baselineBin
      ? commands('before:', baselineBin).map((c) => ({
          ...c,
          name: c.name.replace('  the', '  before: the'),
        }))
      : []),
  ];
  const coldRoot = mkdtempSync(join(tmpdir(), 'csbs-bench-cold-'));
  let coldRuns = 0;
  const once = async (c: StartupCase) => {
    const cacheEnv: Record<string, string> = c.cold
      ? { NODE_COMPILE_CACHE: join(coldRoot, String(coldRuns++)) }
      : {};
    return (await measure(c.args, { ...env, ...cacheEnv }, false, false)).ms;
  };
  const times = new Map<string, number[]>(cases.map((c) => [c.name, []]));
  try {
    // One unmeasured run of each first: it fills the compile cache, as any first use does.
    for (const c of cases) await once(c);
    // Interleaved, so that a noisy neighbour slows every case alike.
    for (let i = 0; i < runs; i++) {
      for (const c of cases) times.get(c.name)!.push(await once(c));
    }
  } finally {
    rmSync(coldRoot, { recursive: true, force: true });
  }
  const base = median(times.get(cases[0]!.name)!);
  console.log(`\nstart-up (median of ${runs} interleaved runs; goal: a real command <= 4.0x node -e 0)`);
  for (const { name } of cases) {
    const ms = median(times.get(name)!);
    console.log(`  ${name.padEnd(40)} ${fmt(ms).padStart(7)} ms   ${fmt(ms / base, 2)}x`);
  }
  const restart = median(times.get(restarting)!) - median(times.get(optionGiven)!);
  console.log(
    `  (the walk's restart costs ${fmt(restart)} ms, ${fmt(restart / base, 2)}x node -e 0; 1000 backups, two pages)`,
  );
  if (baselineBin) {
    console.log(`  after / before (${baselineBin}):`);
    for (const c of commands('csbs', bin)) {
      const before = c.name.replace(/^csbs/, 'before:').replace('  the', '  before: the');
      console.log(
        `    ${c.name.replace(/^csbs /, '').padEnd(36)} ${fmt(median(times.get(c.name)!) / median(times.get(before)!), 2)}x`,
      );
    }
  }
}

async function walk(): Promise<void> {
  const listing = await startCannedListingThread(walkItems);
  console.log(
    `\nwalk: ${listing.items.toLocaleString('en-US')} backups (${fmt(listing.bytes / 2 ** 20, 0)} MB of pages) ` +
      `from a canned listing that answers instantly; ${walkRounds} interleaved rounds, stdout to /dev/null`,
  );
  const env = { CSBS_ENDPOINT: listing.url, OS_AUTH_TOKEN: listing.token, OS_PROJECT_ID: listing.projectId };
  const cases: [string, string[], Record<string, string>?][] = [
    ['client walk (baseline)', [clientWalk]],
    ['client walk, itemTexts', [clientWalk], { CSBS_BENCH_ITEM_TEXTS: '1' }],
    ['raw undici + JSON.parse loop', [rawWalk]],
    ['csbs list --all -o ndjson', [bin, 'backups', 'list', '--all', '-q', '-o', 'ndjson']],
    ['csbs list --all -o json', [bin, 'backups', 'list', '--all', '-q', '-o', 'json']],
  ];
  const ms = new Map<string, number[]>(cases.map(([name]) => [name, []]));
  const ratios = new Map<string, number[]>(cases.map(([name]) => [name, []]));
  try {
    // Warm-up (compile cache, page cache), checking that the baseline walks every backup.
    for (const [name, args, extra] of cases) {
      const warm = await measure(args, { ...env, ...extra }, name === cases[0]![0], false);
      if (name === cases[0]![0] && Number(warm.stdout.trim()) !== listing.items) {
        throw new Error(`the client walk saw ${warm.stdout.trim()} backups, expected ${listing.items}`);
      }
    }
    for (let round = 0; round < walkRounds; round++) {
      const order = cases.map((_, i) => cases[(i + round) % cases.length]!);
      const took = new Map<string, number>();
      for (const [name, args, extra] of order) {
        took.set(name, (await measure(args, { ...env, ...extra }, false, false)).ms);
      }
      const base = took.get(cases[0]![0])!;
      for (const [name] of cases) {
        ms.get(name)!.push(took.get(name)!);
        // items/s relative to the client walk: the same items, so the inverse ratio of times.
        ratios.get(name)!.push(base / took.get(name)!);
      }
    }
  } finally {
    await listing.close();
  }
  for (const [name] of cases) {
    const t = median(ms.get(name)!);
    console.log(
      `  ${name.padEnd(30)} ${fmt(t / 1000, 2).padStart(6)} s  ${Math.round((listing.items * 1000) / t)
        .toLocaleString('en-US')
        .padStart(9)} items/s  ${fmt(median(ratios.get(name)!), 2)}x`,
    );
  }
  console.log('  (x = median of per-round items/s ratios to the client walk; goal: ndjson >= 0.90x;');
  console.log(
    '   every case is a whole process, start-up included: the CLI is a bundle, the client walk is not)',
  );
}

async function rss(): Promise<void> {
  console.log(
    `\nrss: csbs backups list -o ndjson > /dev/null (emulator with ${items.toLocaleString('en-US')} backups; ` +
      'the speed here is bounded by the emulator, see the walk part for the CLI against the client)',
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
/**
 * `-o table` against `-o ndjson` (the baseline) over the same walk: the table must stay
 * linear (cli-table3 was quadratic: 20,000 rows took 35 s against 1 s). Goal: <= 2x.
 */
async function tables(): Promise<void> {
  console.log(
    `\ntables: csbs backups list --all -o table vs -o ndjson, ${tableRows.toLocaleString('en-US')} rows`,
  );
  const emulator = await startEmulatorProcess(tableRows);
  const env = {
    CSBS_ENDPOINT: emulator.url,
    OS_AUTH_TOKEN: demoCredentials.token,
    OS_PROJECT_ID: demoCredentials.projectId,
  };
  try {
    const times: Record<'ndjson' | 'table', number[]> = { ndjson: [], table: [] };
    // Interleaved, so a noisy neighbour slows both alike.
    for (let i = 0; i < tableRuns; i++) {
      for (const format of ['ndjson', 'table'] as const) {
        times[format].push((await measure([bin, 'backups', 'list', '--all', '-q', '-o', format], env)).ms);
      }
    }
    const nd = median(times.ndjson);
    const table = median(times.table);
    console.log(`  -o ndjson (baseline)     ${fmt(nd / 1000, 2).padStart(6)} s (median of ${tableRuns})`);
    console.log(
      `  -o table                 ${fmt(table / 1000, 2).padStart(6)} s   ${fmt(table / nd, 2)}x (goal <= 2.0x)`,
    );
  } finally {
    await emulator.stop();
  }
}

if (only === undefined || only === 'startup') await startup();
if (only === undefined || only === 'walk') await walk();
if (only === undefined || only === 'rss') await rss();
if (only === undefined || only === 'tables') await tables();
if (only === undefined || only === 'report') await (await import('./report.ts')).reportBenchmarks();
