// Benchmark: TagIndex against two linear scans over synthetic backups: matchesTagQuery over
// the backup objects, and a columnar scan over typed arrays (bench/columnar-scan.ts), the
// fastest scan we know how to write and so the honest baseline. Every timing is the median
// of repeated runs (BENCH_REPEAT, default 5; the object scan, ~10x slower, 3).
// Sizes: BENCH_BACKUPS (default 1000000), BENCH_QUERIES (default 50), BENCH_SEED (default 1).
// Prints ratios against the scans measured in the same run; asserts nothing.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { seededRandom } from '../../../bench/support/prng.ts';
import {
  compareBackupOrder,
  matchesTagQuery,
  TagIndex,
  type TagQuery,
  validateTagQuery,
} from '../src/index.js';
import { buildTagColumns, columnarCount, columnarSelect, compileColumnarQuery } from './columnar-scan.js';
import { generateBackups, generateQuery, vocabulary } from './data.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const backupCount = Number(process.env.BENCH_BACKUPS ?? 1_000_000);
const queryCount = Number(process.env.BENCH_QUERIES ?? 50);
const seed = Number(process.env.BENCH_SEED ?? 1);
const repeat = Number(process.env.BENCH_REPEAT ?? 5);
const objectRepeat = Math.max(1, Math.min(repeat, 3));
const pageSize = 1000;

const random = seededRandom(seed);
const vocab = vocabulary(random);
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
/** Heap plus array buffers: posting lists live in typed arrays, outside the JS heap. */
const heapMb = () => {
  gc();
  gc();
  const usage = process.memoryUsage();
  return (usage.heapUsed + usage.arrayBuffers) / 2 ** 20;
};

console.log(
  `tag-query bench: ${backupCount} backups, ${queryCount} queries, seed ${seed}, node ${process.version}`,
);
let t = process.hrtime.bigint();
const backups = generateBackups(backupCount, vocab, random);
console.log(`generated data in ${ms(t).toFixed(0)} ms`);

const heapBefore = heapMb();
t = process.hrtime.bigint();
const index = new TagIndex(backups);
const buildMs = ms(t);
const heapAfter = heapMb();
console.log(
  `index build: ${buildMs.toFixed(0)} ms, ${(heapAfter - heapBefore).toFixed(0)} MB (heap + array buffers, ${index.size} backups)`,
);

// The scan's select needs the backups in answer order; sorting once is not charged to it.
const sorted = [...backups].sort(compareBackupOrder);
// The columns are built once, in answer order, and not charged to the scan either.
t = process.hrtime.bigint();
const columns = buildTagColumns(sorted);
console.log(`columnar baseline: columns built in ${ms(t).toFixed(0)} ms (not charged to its scans)`);
const queries: TagQuery[] = Array.from({ length: queryCount }, () =>
  validateTagQuery(generateQuery(vocab, random)),
);

function timeIt(run: () => unknown, repeat: number): number {
  const times: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const start = process.hrtime.bigint();
    run();
    times.push(ms(start));
  }
  return median(times);
}

interface Row {
  requirements: number;
  matches: number;
  indexCount: number;
  scanCount: number;
  columnarCount: number;
  indexSelect: number;
  scanSelect: number;
  columnarSelect: number;
}
const rows: Row[] = [];
for (const query of queries) {
  const matches = index.count(query);
  let scanMatches = 0;
  const scanCount = timeIt(() => {
    scanMatches = 0;
    for (const backup of backups) if (matchesTagQuery(query, backup)) scanMatches++;
  }, objectRepeat);
  if (scanMatches !== matches) throw new Error(`index and scan disagree on ${JSON.stringify(query)}`);
  const compiled = compileColumnarQuery(columns, query);
  let columnarMatches = 0;
  const columnar = timeIt(() => {
    columnarMatches = columnarCount(columns, compiled);
  }, repeat);
  if (columnarMatches !== matches)
    throw new Error(`index and columnar scan disagree on ${JSON.stringify(query)}`);
  const indexCount = timeIt(() => index.count(query), repeat);
  const indexSelect = timeIt(() => index.select(query, { offset: 0, limit: pageSize }), repeat);
  const scanSelect = timeIt(() => {
    const page = [];
    for (const backup of sorted) {
      if (matchesTagQuery(query, backup)) {
        page.push(backup);
        if (page.length === pageSize) break;
      }
    }
  }, objectRepeat);
  const columnarPage = timeIt(() => columnarSelect(columns, compiled, pageSize), repeat);
  const requirements = ['tags', 'tags_any', 'not_tags', 'not_tags_any'].reduce(
    (n, f) => n + (query[f as 'tags']?.length ?? 0),
    0,
  );
  rows.push({
    requirements,
    matches,
    indexCount,
    scanCount,
    columnarCount: columnar,
    indexSelect,
    scanSelect,
    columnarSelect: columnarPage,
  });
}

console.log(
  '\nper query (ms): req  matches   index.count  columnar  ratio   objects  ratio   index.select  columnar  ratio   objects  ratio',
);
const x = (a: number, b: number) => `${(a / b).toFixed(0).padStart(6)}x`;
for (const r of rows) {
  console.log(
    `               ${String(r.requirements).padStart(3)}  ${String(r.matches).padStart(8)}  ${r.indexCount.toFixed(3).padStart(11)} ${r.columnarCount.toFixed(2).padStart(9)} ${x(r.columnarCount, r.indexCount)} ${r.scanCount.toFixed(1).padStart(9)} ${x(r.scanCount, r.indexCount)} ${r.indexSelect.toFixed(3).padStart(13)} ${r.columnarSelect.toFixed(2).padStart(9)} ${x(r.columnarSelect, r.indexSelect)} ${r.scanSelect.toFixed(1).padStart(9)} ${x(r.scanSelect, r.indexSelect)}`,
  );
}
const ratiosOf = (f: (r: Row) => number) => rows.map(f);
const summary = (label: string, ratios: number[], goal = '') =>
  console.log(
    `  ${label.padEnd(32)} median ${median(ratios).toFixed(0)}x, min ${Math.min(...ratios).toFixed(1)}x${goal}`,
  );
console.log(`\nsummary (every time a median of ${repeat} runs, the object scan of ${objectRepeat})`);
console.log(
  `  build:              ${buildMs.toFixed(0)} ms, ${(heapAfter - heapBefore).toFixed(0)} MB (heap + array buffers)`,
);
console.log(
  `  count  median:      index ${median(rows.map((r) => r.indexCount)).toFixed(3)} ms, columnar scan ${median(rows.map((r) => r.columnarCount)).toFixed(2)} ms (${((median(rows.map((r) => r.columnarCount)) * 1e6) / backupCount).toFixed(1)} ns per backup), object scan ${median(rows.map((r) => r.scanCount)).toFixed(2)} ms`,
);
console.log(
  `  select median:      index ${median(rows.map((r) => r.indexSelect)).toFixed(3)} ms, columnar scan ${median(rows.map((r) => r.columnarSelect)).toFixed(2)} ms, object scan ${median(rows.map((r) => r.scanSelect)).toFixed(2)} ms`,
);
summary(
  'count  vs columnar scan:',
  ratiosOf((r) => r.columnarCount / r.indexCount),
  ' (the baseline; goal: median >= 20x)',
);
summary(
  'count  vs object scan:',
  ratiosOf((r) => r.scanCount / r.indexCount),
);
summary(
  'select vs columnar scan:',
  ratiosOf((r) => r.columnarSelect / r.indexSelect),
  ` (page of ${pageSize}, offset 0)`,
);
summary(
  'select vs object scan:',
  ratiosOf((r) => r.scanSelect / r.indexSelect),
);

// Memory a query call leaves allocated: collect, call once, read heap + array buffers.
// One call per sample keeps a collection from landing inside the measured window (a
// 125 KB bitset lands in array buffers; small objects on the heap). Includes the page.
const allocated = (run: () => unknown) => {
  gc();
  const before = process.memoryUsage();
  run();
  const after = process.memoryUsage();
  return after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers;
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const countBytes = queries.map((query) => allocated(() => index.count(query)));
const selectBytes = queries.map((query) =>
  allocated(() => index.select(query, { offset: 0, limit: pageSize })),
);
console.log(`  alloc per count:    median ${kb(median(countBytes))}, max ${kb(Math.max(...countBytes))}`);
console.log(
  `  alloc per select:   median ${kb(median(selectBytes))}, max ${kb(Math.max(...selectBytes))} (page of ${pageSize})`,
);
// Throughput with garbage collection included: the medians above hide the collections that
// a full-size allocation per call triggers once a million backups sit in the heap.
const rounds = 10;
const batchMs = (run: (query: TagQuery) => unknown) => {
  const start = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) for (const query of queries) run(query);
  return ms(start) / (rounds * queries.length);
};
const countMean = batchMs((query) => index.count(query));
const selectMean = batchMs((query) => index.select(query, { offset: 0, limit: pageSize }));
console.log(
  `  batch mean:         count ${countMean.toFixed(3)} ms, select ${selectMean.toFixed(3)} ms per query (${rounds} rounds, GC included)`,
);
// Select near the end of every query's matches: the page reader must skip `offset` first.
const deepTimes = queries.map((query) => {
  const offset = Math.max(0, index.count(query) - pageSize);
  return timeIt(() => index.select(query, { offset, limit: pageSize }), 3);
});
const deepBytes = queries.map((query) => {
  const offset = Math.max(0, index.count(query) - pageSize);
  return allocated(() => index.select(query, { offset, limit: pageSize }));
});
console.log(
  `  deep select:        median ${median(deepTimes).toFixed(3)} ms, max ${Math.max(...deepTimes).toFixed(3)} ms, alloc median ${kb(median(deepBytes))} (offset count-${pageSize})`,
);

// Paging deep into one broad query, and the name-search fallback.
const broad: TagQuery = { not_tags_any: [{ key: vocab.keys[49]!, values: [] }] };
const deep = Math.max(0, index.count(broad) - pageSize * 2);
console.log(
  `  deep page:          select offset ${deep}: ${timeIt(() => index.select(broad, { offset: deep, limit: pageSize }), 5).toFixed(3)} ms`,
);
const byName: TagQuery = {
  tags: [{ key: 'env', values: [] }],
  matches: [{ key: 'resource_name', value: 'DB-1' }],
};
const nameIndex = timeIt(() => index.count(byName), 3);
const nameScan = timeIt(() => backups.filter((b) => matchesTagQuery(byName, b)).length, 1);
console.log(
  `  matches fallback:   index ${nameIndex.toFixed(2)} ms vs scan ${nameScan.toFixed(2)} ms (${(nameScan / nameIndex).toFixed(1)}x)`,
);

// Incremental updates: 1000 adds and removes, then a query (which may fold them in).
t = process.hrtime.bigint();
for (let i = 0; i < 1000; i++) {
  const victim = backups[Math.floor(random() * backups.length)]!;
  index.remove(victim.id);
  index.add({ ...victim, id: `${victim.id}-new` });
}
const updatesMs = ms(t);
const afterUpdates = timeIt(() => index.count(queries[0]!), 3);
console.log(
  `  updates:            1000 remove+add in ${updatesMs.toFixed(1)} ms; count afterwards ${afterUpdates.toFixed(3)} ms`,
);
