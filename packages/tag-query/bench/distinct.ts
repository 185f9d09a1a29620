// Benchmark: the emulator bench's distinct tag-query pages (bench/shared-data.ts) answered
// in process by `selectCounted` over 1M backups sharing 5000 tags lists, every request new
// (needles repeat, as they do there: their first sight is in the rounds, not before).
// With BENCH_BASE (a git revision), that revision's tag-query source is unpacked under
// node_modules/.ab/<rev> (there it resolves the workspace's packages) and indexes the same
// backups: each round's requests go to both indexes, the order alternating round by round,
// and the CPU time of the thread per request is compared (medians of the rounds), the
// answers digested (they must agree). Also printed: the wall time of the requests with and
// without a name needle.
// Sizes: BENCH_BACKUPS (1000000), BENCH_QUERIES per round (1000), BENCH_ROUNDS (7),
// BENCH_SEED (1).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { seededRandom } from '../../../bench/support/prng.ts';
import type * as TagQueryModule from '../src/index.js';
import type { IndexedBackup, TagIndex, TagQuery } from '../src/index.js';
import { sharedData } from './shared-data.js';

const backupCount = Number(process.env.BENCH_BACKUPS ?? 1_000_000);
const queryCount = Number(process.env.BENCH_QUERIES ?? 1000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 7);
const random = seededRandom(Number(process.env.BENCH_SEED ?? 1));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const cpuUs = () => {
  const { user, system } = process.threadCpuUsage();
  return user + system;
};

/** The source directory of `rev`'s tag-query, unpacked once. */
function unpacked(rev: string): string {
  const here = import.meta.dirname;
  const git = (args: string[]) => execFileSync('git', args, { cwd: here });
  const commit = git(['rev-parse', '--short', rev]).toString().trim();
  const dir = resolve(here, '../node_modules/.ab', commit);
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true });
    const root = git(['rev-parse', '--show-toplevel']).toString().trim();
    const tar = execFileSync('git', ['archive', commit, 'packages/tag-query/src'], { cwd: root });
    execFileSync('tar', ['-x', '-C', dir], { input: tar });
  }
  return resolve(dir, 'packages/tag-query/src');
}

interface Side {
  name: string;
  index: TagIndex;
  validate: typeof TagQueryModule.validateTagQuery;
  cpu: number[];
  named: number[];
  plain: number[];
  digest: ReturnType<typeof createHash>;
}
const sources: [string, string][] = [['here', resolve(import.meta.dirname, '../src')]];
if (process.env.BENCH_BASE) sources.unshift([process.env.BENCH_BASE, unpacked(process.env.BENCH_BASE)]);

const { backups, ask } = sharedData(backupCount, random);
const sides: Side[] = [];
for (const [name, src] of sources) {
  const module = (await import(pathToFileURL(`${src}/index.ts`).href)) as typeof TagQueryModule;
  const index: TagIndex = new module.TagIndex(backups);
  // The emulator builds the name table and its grams when it loads: a needle no name holds.
  index.count(module.validateTagQuery({ matches: [{ key: 'resource_name', value: '\u0000\u0000' }] }));
  const digest = createHash('sha256');
  sides.push({ name, index, validate: module.validateTagQuery, cpu: [], named: [], plain: [], digest });
}

const roundOf = () => Array.from({ length: queryCount }, ask);
type Ask = ReturnType<typeof ask>;
function run(side: Side, asks: readonly Ask[], measured: boolean): void {
  const queries = asks.map((a) => side.validate(a.raw) as TagQuery);
  let namedNs = 0;
  let plainNs = 0;
  let namedCount = 0;
  const pages: { total: number; backups: IndexedBackup[] }[] = [];
  const cpu = cpuUs();
  for (let i = 0; i < asks.length; i++) {
    const t = process.hrtime.bigint();
    const page = side.index.selectCounted(queries[i]!, asks[i]!);
    const ns = Number(process.hrtime.bigint() - t);
    if (asks[i]!.raw.matches !== undefined) {
      namedNs += ns;
      namedCount++;
    } else plainNs += ns;
    pages.push(page);
  }
  const used = cpuUs() - cpu;
  if (!measured) return;
  // Digested after the clock stops: reading the answers' ids is no part of answering.
  for (const page of pages) side.digest.update(`${page.total}:${page.backups.map((b) => b.id).join()}\n`);
  side.cpu.push(used / asks.length);
  side.named.push(namedNs / 1000 / namedCount);
  side.plain.push(plainNs / 1000 / (asks.length - namedCount));
}
// A first round unmeasured: the compiler's warm-up (and the broadest needles' first sight).
const warmUp = roundOf();
for (const side of sides) run(side, warmUp, false);
for (let r = 0; r < rounds; r++) {
  const asks = roundOf();
  for (const side of r % 2 === 0 ? sides : [...sides].reverse()) run(side, asks, true);
}

const f = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
console.log(
  `distinct tag queries, ${backupCount} backups, ${rounds} rounds of ${queryCount}, node ${process.version}`,
);
for (const side of sides) {
  console.log(`${side.name}: CPU per request median ${median(side.cpu).toFixed(1)} µs (${f(side.cpu)})`);
  console.log(
    `  wall per request with a needle ${median(side.named).toFixed(1)} µs (${f(side.named)}), without ${median(side.plain).toFixed(1)} µs (${f(side.plain)})`,
  );
}
if (sides.length === 2) {
  const [base, here] = sides as [Side, Side];
  const ratios = base.cpu.map((x, i) => x / here.cpu[i]!);
  console.log(
    `CPU per request, ${base.name} / here: ${(median(base.cpu) / median(here.cpu)).toFixed(2)}x (per round ${ratios.map((x) => x.toFixed(2)).join(', ')})`,
  );
  console.log(
    `with a needle (wall), ${base.name} / here: ${(median(base.named) / median(here.named)).toFixed(2)}x`,
  );
  const digests = sides.map((side) => side.digest.digest('hex').slice(0, 16));
  if (digests[0] !== digests[1]) throw new Error(`the answers differ: ${digests.join(' ')}`);
  console.log(`answers alike (digest ${digests[0]})`);
}
