// Benchmark: tag queries over backups that share their tags lists (bench/shared-data.ts:
// the emulator's generated data and its bench's distinct tag-query pages), with the total
// (`selectCounted`).
// Baselines measured in the same run, interleaved, every figure a median of BENCH_REPEAT
// rounds (default 5):
//   - the index over the same backups with a copy of the tags list each, which turns the
//     answers by lists off: the evaluator by posting lists and bitsets alone;
//   - the columnar scan (bench/columnar-scan.ts), on the first 50 queries without a needle
//     (a full pass each: ~20 ns a backup).
// Sizes: BENCH_BACKUPS (default 1000000), BENCH_QUERIES (default 1000), BENCH_SEED (1).
// Prints ratios; asserts nothing but that all three answer alike.
import { seededRandom } from '../../../bench/support/prng.ts';
import { type IndexedBackup, TagIndex, type TagQuery, validateTagQuery } from '../src/index.js';
import { buildTagColumns, columnarCount, columnarSelect, compileColumnarQuery } from './columnar-scan.js';
import { sharedData } from './shared-data.js';

const backupCount = Number(process.env.BENCH_BACKUPS ?? 1_000_000);
const queryCount = Number(process.env.BENCH_QUERIES ?? 1000);
const repeat = Number(process.env.BENCH_REPEAT ?? 5);
const random = seededRandom(Number(process.env.BENCH_SEED ?? 1));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const { servers, backups, ask } = sharedData(backupCount, random);
const copied = backups.map((backup) => ({ ...backup, tags: [...backup.tags!] }));
const asks = Array.from({ length: queryCount }, () => {
  const { raw, offset, limit } = ask();
  return { query: validateTagQuery(raw), offset, limit };
});

console.log(
  `tag-query shared-lists bench: ${backupCount} backups of ${servers} servers, ${queryCount} queries, ${repeat} rounds, node ${process.version}`,
);
let t = performance.now();
const byLists = new TagIndex(backups);
console.log(`index build (answers by lists): ${(performance.now() - t).toFixed(0)} ms`);
t = performance.now();
const byPostings = new TagIndex(copied);
console.log(`index build (a tags list per backup, postings alone): ${(performance.now() - t).toFixed(0)} ms`);
const sorted = byLists.select({});
const columns = buildTagColumns(sorted);
const plain = asks.filter((ask) => !ask.query.matches);
const scanned = plain.slice(0, 50);
const compiled = scanned.map((ask) => compileColumnarQuery(columns, ask.query));

// First sight: every query new to both indexes (as in a run of distinct requests), so
// neither has a name needle's answer kept yet; one pass each, after a warm-up of both with
// other queries (the tags alone).
const perQuery = (run: () => void, n: number) => {
  const started = performance.now();
  run();
  return ((performance.now() - started) * 1000) / n;
};
const runAll = (index: TagIndex, list: typeof asks) => () => {
  for (const ask of list) index.selectCounted(ask.query as TagQuery, ask);
};
const warmUp = asks.map((ask) => ({ ...ask, query: { tags: ask.query.tags } as TagQuery }));
runAll(byPostings, warmUp)();
runAll(byLists, warmUp)();
// The name table and its grams are built on the first name search (the emulator does one
// when it loads): a needle no name holds builds them here.
const noName = validateTagQuery({ matches: [{ key: 'resource_name', value: '\u0000\u0000' }] });
byPostings.count(noName);
byLists.count(noName);
const firstPostings = perQuery(runAll(byPostings, asks), asks.length);
const firstLists = perQuery(runAll(byLists, asks), asks.length);

// All three answer alike (the same ids in the same order, the same totals).
for (const [i, ask] of asks.entries()) {
  const a = byLists.selectCounted(ask.query, ask);
  const b = byPostings.selectCounted(ask.query, ask);
  const ids = (page: { backups: IndexedBackup[] }) => page.backups.map((backup) => backup.id).join();
  if (a.total !== b.total || ids(a) !== ids(b)) throw new Error(`the indexes disagree on query ${i}`);
}
for (const [i, ask] of scanned.entries()) {
  const page = columnarSelect(columns, compiled[i]!, ask.offset + ask.limit).slice(ask.offset);
  const ids = page.map((rank) => sorted[rank]!.id).join();
  if (
    ids !==
    byLists
      .select(ask.query, ask)
      .map((backup) => backup.id)
      .join()
  )
    throw new Error(`the columnar scan disagrees on query ${i}`);
}

const times: Record<string, number[]> = {
  lists: [],
  postings: [],
  listsPlain: [],
  listsScanned: [],
  postingsPlain: [],
  columnar: [],
};
for (let r = 0; r < repeat; r++) {
  times.postings!.push(perQuery(runAll(byPostings, asks), asks.length));
  times.lists!.push(perQuery(runAll(byLists, asks), asks.length));
  times.postingsPlain!.push(perQuery(runAll(byPostings, plain), plain.length));
  times.listsPlain!.push(perQuery(runAll(byLists, plain), plain.length));
  times.listsScanned!.push(perQuery(runAll(byLists, scanned), scanned.length));
  // The scan's count is a full pass, its page stops early: both, as selectCounted answers.
  times.columnar!.push(
    perQuery(() => {
      for (const [i, ask] of scanned.entries()) {
        columnarCount(columns, compiled[i]!);
        columnarSelect(columns, compiled[i]!, ask.offset + ask.limit);
      }
    }, scanned.length),
  );
}
const us = (key: string) => median(times[key]!);
const fmt = (key: string) => `${us(key).toFixed(1)} µs (${times[key]!.map((x) => x.toFixed(0)).join(', ')})`;
console.log(
  `first sight of every query: by lists ${firstLists.toFixed(1)} µs, by postings ${firstPostings.toFixed(1)} µs per query: ${(firstPostings / firstLists).toFixed(1)}x`,
);
console.log(
  `selectCounted, page of 100, every query, per query (median of ${repeat} rounds, each query seen before):`,
);
console.log(`  by lists:                 ${fmt('lists')}`);
console.log(`  by postings (baseline):   ${fmt('postings')}`);
console.log(
  `  ratio:                    ${(us('postings') / us('lists')).toFixed(1)}x cheaper by lists (goal >= 3x)`,
);
console.log(`queries without a needle (${plain.length}), per query:`);
console.log(`  by lists:                 ${fmt('listsPlain')}`);
console.log(
  `  by postings:              ${fmt('postingsPlain')}: ${(us('postingsPlain') / us('listsPlain')).toFixed(1)}x`,
);
console.log(`the first ${scanned.length} of them, per query:`);
console.log(`  by lists:                 ${fmt('listsScanned')}`);
console.log(
  `  columnar scan:            ${fmt('columnar')}: ${(us('columnar') / us('listsScanned')).toFixed(0)}x`,
);
