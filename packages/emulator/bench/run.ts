// The emulator at scale, against baselines measured in the same run. Prints figures and
// ratios, never asserts timings. Every throughput scenario is run REPEATS times, emulator
// and baseline interleaved (the order alternating), and reported as medians:
//   1. load time and memory of `--generate N`; of `--data FILE` against JSON.parse of it;
//   2. latency of single listing pages and counts per filter kind, every request distinct;
//   3. throughput at 32 connections: distinct tag-query pages and distinct listing pages
//      (random filters, sorts, markers) vs a bare node:http server answering a canned body
//      of the same size, with the server's CPU per request; the same request repeated, to
//      show what the response cache adds;
//   4. memory after three full listing walks;
//   5. the generated item writer in process, against copying the finished bytes
//      (bench/item-writing.ts).
// Sizes from the environment: BENCH_COUNT (default 1000000), BENCH_DATA_COUNT (backups in the
// data file, default 50000), BENCH_REPEATS (3), BENCH_AMOUNT (requests per run, 1000),
// BENCH_CONNECTIONS (32), BENCH_WALKS, BENCH_ONLY (section numbers, e.g. "13"),
// BENCH_LOAD_SAMPLES (processes that each time the data-file load and JSON.parse, 5).
// BENCH_PROFILE=DIR writes a `--cpu-prof` profile of each server process, start to end;
// BENCH_PROFILE_RUNS=DIR one profile per throughput run of the emulator and of the canned
// server (WHO-SCENARIO-ROUND), their request work alone (the profiler's cost is then in
// that run's figures).
// BENCH_SCALE=full walks the listing three times, as the memory goal is stated; the default
// walks it once, since each full walk at 1M writes ~2 GB of JSON and took several minutes on
// the shared machine, and the RSS after walks stayed flat from the first walk on (no cache
// grows with them). Every other figure is the same in both.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoCredentials as demo } from '../src/index.js';
import {
  load,
  mb,
  median,
  percentile,
  printTable,
  profileWindow,
  type Server,
  startServer,
  statsOf,
  stop,
} from './harness.js';
import { itemWritingSection } from './item-writing.js';
import { loadSection } from './load-section.js';
import {
  countQuery,
  createRandom,
  filterKinds,
  listingQuery,
  type Sample,
  sampleOf,
  tagQueryBody,
} from './requests.js';

const count = Number(process.env.BENCH_COUNT ?? 1_000_000);
const dataCount = Number(process.env.BENCH_DATA_COUNT ?? 50_000);
const repeats = Number(process.env.BENCH_REPEATS ?? 3);
const loadSamples = Number(process.env.BENCH_LOAD_SAMPLES ?? 5);
const amount = Number(process.env.BENCH_AMOUNT ?? 1000);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const scale = process.env.BENCH_SCALE === 'full' ? 'full' : 'quick';
const walks = Number(process.env.BENCH_WALKS ?? (scale === 'full' ? 3 : 1));
const only = process.env.BENCH_ONLY ?? '12345';
const profileRuns = process.env.BENCH_PROFILE_RUNS;
const slugOf = (name: string) => name.replace(/[^a-z]+/g, '-');

const listPath = `/v1/${demo.projectId}/checkpoint_items`;
const tagPath = `/v1/${demo.projectId}/csbs_backup/resource_instances/action`;
const auth = { 'X-Auth-Token': demo.token };
const jsonAuth = { ...auth, 'Content-Type': 'application/json' };
async function getText(url: string): Promise<{ status: number; text: string; ms: number }> {
  const started = performance.now();
  const res = await fetch(url, { headers: auth });
  const text = await res.text();
  return { status: res.status, text, ms: performance.now() - started };
}

async function takeSample(url: string): Promise<Sample> {
  const items: Parameters<typeof sampleOf>[0][number][] = [];
  for (const sort of ['created_at:desc', 'id:asc', 'name:asc', 'status:desc']) {
    const res = await getText(`${url}${listPath}?limit=1000&sort=${sort}`);
    items.push(...(JSON.parse(res.text) as { checkpoint_items: never[] }).checkpoint_items);
  }
  return sampleOf(items);
}

/** Sequential, distinct requests per filter kind: page and count latency, client side. */
async function latencySection(emulator: Server, sample: Sample, dir: string): Promise<void> {
  const perKind = Math.max(20, Math.floor(amount / 5));
  const random = createRandom(11);
  const rows: string[][] = [];
  let sampleBody = '';
  for (const kind of filterKinds) {
    const pages: number[] = [];
    const counts: number[] = [];
    for (let i = 0; i < perKind; i++) {
      const page = await getText(`${emulator.url}${listPath}?${listingQuery(random, sample, kind)}`);
      if (page.status !== 200) throw new Error(`${kind}: status ${page.status} ${page.text.slice(0, 200)}`);
      pages.push(page.ms);
      if (kind === 'marker only' && sampleBody === '') sampleBody = page.text;
      if (kind === 'marker only') continue;
      const counted = await getText(`${emulator.url}${listPath}/count?${countQuery(random, sample, kind)}`);
      if (counted.status !== 200) throw new Error(`${kind} count: status ${counted.status}`);
      counts.push(counted.ms);
    }
    rows.push([
      kind,
      `${percentile(pages, 50).toFixed(2)} / ${percentile(pages, 99).toFixed(2)} ms`,
      counts.length ? `${percentile(counts, 50).toFixed(2)} / ${percentile(counts, 99).toFixed(2)} ms` : '-',
    ]);
  }
  // The floor under these figures: the same client fetching a canned page of the same size.
  const file = join(dir, 'page.json');
  writeFileSync(file, sampleBody);
  const ceiling = await startServer(['ceiling', file]);
  const floor: number[] = [];
  for (let i = 0; i < perKind; i++) floor.push((await getText(`${ceiling.url}${listPath}`)).ms);
  await stop(ceiling);
  rows.push([
    'baseline: canned page',
    `${percentile(floor, 50).toFixed(2)} / ${percentile(floor, 99).toFixed(2)} ms`,
    '-',
  ]);
  console.log(
    `\nsingle requests, ${perKind} distinct per filter kind, one at a time (client-side p50 / p99; goal 5 / 20 ms)`,
  );
  printTable(['filter', 'listing page of 100', 'count'], rows);
}

interface Scenario {
  name: string;
  method: 'GET' | 'POST';
  /** The n-th request of round `round`. */
  make: (round: number) => (n: number) => { path: string; body?: string };
}

function scenarios(sample: Sample): Scenario[] {
  const distinct = (draw: (random: ReturnType<typeof createRandom>) => { path: string; body?: string }) => {
    return (round: number) => {
      const random = createRandom(1000 + round);
      return () => draw(random);
    };
  };
  const fixedListing = `${listPath}?${listingQuery(createRandom(5), sample, 'resource_name')}`;
  const fixedTag = tagQueryBody(createRandom(6), sample);
  return [
    {
      name: 'tag query, distinct',
      method: 'POST',
      make: distinct((random) => ({ path: tagPath, body: tagQueryBody(random, sample) })),
    },
    {
      name: 'listing, distinct',
      method: 'GET',
      make: distinct((random) => ({ path: `${listPath}?${listingQuery(random, sample)}` })),
    },
    { name: 'tag query, repeated', method: 'POST', make: () => () => ({ path: tagPath, body: fixedTag }) },
    { name: 'listing, repeated', method: 'GET', make: () => () => ({ path: fixedListing }) },
  ];
}

/** A typical answer of the scenario (the median size of a few), for the canned server. */
async function typicalBody(url: string, scenario: Scenario): Promise<string> {
  const next = scenario.make(999);
  const bodies: string[] = [];
  for (let i = 0; i < 9; i++) {
    const { path, body } = next(i);
    const res = await fetch(`${url}${path}`, {
      method: scenario.method,
      headers: scenario.method === 'POST' ? jsonAuth : auth,
      body: body ?? null,
    });
    bodies.push(await res.text());
  }
  return bodies.sort((a, b) => a.length - b.length)[4]!;
}

async function throughputSection(emulator: Server, sample: Sample, dir: string): Promise<void> {
  const rows: string[][] = [];
  for (const scenario of scenarios(sample)) {
    const file = join(dir, 'body.json');
    const body = await typicalBody(emulator.url, scenario);
    writeFileSync(file, body);
    const ceiling = await startServer(['ceiling', file]);
    const headers = scenario.method === 'POST' ? jsonAuth : auth;
    const runs: { emu: Awaited<ReturnType<typeof load>>; base: Awaited<ReturnType<typeof load>> }[] = [];
    try {
      for (let round = 0; round < repeats; round++) {
        const run = async (server: Server) => {
          const who = server === emulator ? 'emulator' : 'baseline';
          const profile =
            profileRuns && join(profileRuns, `${who}-${slugOf(scenario.name)}-${round}.cpuprofile`);
          if (profile) await profileWindow(server);
          const result = await load(server, {
            method: scenario.method,
            headers,
            amount,
            connections,
            next: scenario.make(round),
          });
          if (profile) await profileWindow(server, profile);
          return result;
        };
        // Interleaved, alternating which goes first, so drift in the machine's load hits both.
        if (round % 2 === 0) {
          const base = await run(ceiling);
          runs.push({ base, emu: await run(emulator) });
        } else {
          const emu = await run(emulator);
          runs.push({ emu, base: await run(ceiling) });
        }
      }
    } finally {
      await stop(ceiling);
    }
    const m = (pick: (r: (typeof runs)[number]) => number) => median(runs.map(pick));
    rows.push([
      scenario.name,
      `${(body.length / 1024).toFixed(0)} KiB`,
      m((r) => r.base.requestsPerSecond).toFixed(0),
      m((r) => r.emu.requestsPerSecond).toFixed(0),
      `${m((r) => r.emu.requestsPerSecond / r.base.requestsPerSecond).toFixed(2)}x`,
      `${m((r) => r.emu.p50)} / ${m((r) => r.emu.p99)} ms`,
      `${m((r) => r.base.p50)} / ${m((r) => r.base.p99)} ms`,
      `${m((r) => r.emu.cpuMsPerRequest).toFixed(3)} / ${m((r) => r.base.cpuMsPerRequest).toFixed(3)} ms`,
      String(runs.reduce((sum, r) => sum + r.emu.errors, 0)),
    ]);
  }
  console.log(
    `\nthroughput: ${amount} requests per run, ${connections} connections, ${repeats} interleaved runs, medians (goal >= 0.5x, p99 <= 20 ms)`,
  );
  printTable(
    [
      'scenario',
      'body',
      'baseline req/s',
      'emulator req/s',
      'ratio',
      'p50 / p99',
      'baseline p50 / p99',
      'CPU/req emu / base',
      'errors',
    ],
    rows,
  );
}

/** Full walks of the listing by `next` links, pages of 1000; RSS after each. */
async function walkSection(emulator: Server): Promise<void> {
  const sorts = ['created_at:desc', 'name:asc', 'updated_at:asc'];
  for (let w = 0; w < walks; w++) {
    let url: string | undefined = `${emulator.url}${listPath}?limit=1000&sort=${sorts[w % sorts.length]}`;
    let pages = 0;
    const started = performance.now();
    while (url !== undefined) {
      const res = await getText(url);
      if (res.status !== 200) throw new Error(`walk: status ${res.status}`);
      pages++;
      const at = res.text.lastIndexOf('"href":"');
      url = at < 0 ? undefined : JSON.parse(res.text.slice(at + 7, res.text.indexOf('"', at + 8) + 1));
    }
    const stats = await statsOf(emulator);
    console.log(
      `walk ${w + 1}: ${pages} pages in ${((performance.now() - started) / 1000).toFixed(1)} s, RSS ${mb(stats.rssMb)} (heap ${mb(stats.heapMb)})`,
    );
  }
  const after = await statsOf(emulator, true);
  console.log(
    `after ${walks} walk(s) and a full collection: RSS ${mb(after.rssMb)} (goal <= 700 MiB after 3 walks: BENCH_SCALE=full)`,
  );
}

async function main(): Promise<void> {
  console.log(`csbs-emulator bench: ${count} backups, sections ${only}, scale ${scale} (${walks} walk(s))`);
  const dir = mkdtempSync(join(tmpdir(), 'csbs-bench-'));
  try {
    if (only.includes('5')) itemWritingSection();
    if (only.includes('1')) await loadSection(dir, dataCount, loadSamples);
    if (!/[1234]/.test(only)) return;
    const emulator = await startServer(['emulator', String(count)]);
    try {
      const {
        loadMs = 0,
        loadCpuMs = 0,
        rssMb,
        heapMb,
        arrayBuffersMb,
      } = emulator.info as Record<string, number>;
      console.log(
        `--generate ${count}: load ${(loadMs / 1000).toFixed(1)} s wall, ${(loadCpuMs / 1000).toFixed(1)} s CPU (goal <= 5 s), RSS ${mb(rssMb)} (goal <= 600 MiB; heap ${mb(heapMb)}, array buffers ${mb(arrayBuffersMb)})`,
      );
      const sample = await takeSample(emulator.url);
      if (only.includes('2')) await latencySection(emulator, sample, dir);
      if (only.includes('3')) await throughputSection(emulator, sample, dir);
      if (only.includes('4')) await walkSection(emulator);
    } finally {
      await stop(emulator);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
