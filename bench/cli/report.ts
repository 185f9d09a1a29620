/**
 * Benchmarks of `csbs report` and of fleet walks; ratios against baselines measured in
 * the same run, interleaved and repeated (medians), asserting nothing.
 *
 *   CSBS_BENCH_ONLY=report node --import tsx cli/run.ts   (from bench/)
 *
 *   CSBS_BENCH_REPORT_ITEMS  backups for report vs list (default 1000000)
 *   CSBS_BENCH_FLEET_ITEMS   backups per project of the 8-project fleet (default 50000)
 *   CSBS_BENCH_REPEAT        repetitions (default 3)
 */
import { demoCredentials, type EmulatorData, generateEmulatorData, startEmulator } from '@csbs-kit/emulator';
import { bin, fmt, type Measured, measure, median, startEmulatorProcess } from './processes.ts';

const reportItems = Number(process.env.CSBS_BENCH_REPORT_ITEMS ?? 1_000_000);
const fleetItems = Number(process.env.CSBS_BENCH_FLEET_ITEMS ?? 50_000);
const repeat = Number(process.env.CSBS_BENCH_REPEAT ?? 3);

/** Runs the cases interleaved `repeat` times, so a noisy neighbour slows each alike. */
async function compare(
  cases: [string, string[]][],
  env: Record<string, string>,
): Promise<Map<string, Measured[]>> {
  const results = new Map<string, Measured[]>(cases.map(([name]) => [name, []]));
  for (let i = 0; i < repeat; i++) {
    for (const [name, args] of cases) results.get(name)?.push(await measure([bin, ...args], env));
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
  const emulator = await startEmulatorProcess(reportItems);
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
