// In-process cost of the listing page plan (no HTTP, no item writing): the bench's distinct
// listing queries (`listingQuery`) and counts per filter kind, against the generated data.
// Prints CPU µs per request, medians of BENCH_REPEATS rounds. BENCH_COUNT backups (default 1M).
import { parseSort, type SortField } from '@csbs-kit/models';
import { answerCount } from '../src/api/checkpoint-items.js';
import { listingQueryOf } from '../src/api/listing-query.js';
import { generateEmulatorState } from '../src/data/generated-state.js';
import { demoCredentials } from '../src/demo-credentials.js';
import { defaultSort, UnknownMarker } from '../src/store/item-scope.js';
import { countQuery, createRandom, filterKinds, listingQuery, sampleOf } from './requests.js';

const count = Number(process.env.BENCH_COUNT ?? 1_000_000);
const repeats = Number(process.env.BENCH_REPEATS ?? 5);
const amount = Number(process.env.BENCH_AMOUNT ?? 2000);

const state = generateEmulatorState({ count, seed: 1, projects: 1 }).warm();
const scope = state.project(demoCredentials.projectId);
const rows: number[] = [];
for (const sort of ['created_at:desc', 'id:asc', 'name:asc', 'status:desc']) {
  const fields = (parseSort(sort) as { fields: SortField[] }).fields;
  rows.push(...(scope.listPage({ sort: fields, offset: 0, limit: 1000, query: {} }) as number[]));
}
const sample = sampleOf(rows.map((row) => JSON.parse(scope.rows.itemJson(row))));

function planOf(text: string): number {
  // Read as the server reads it (`answerListing`).
  const parsed = listingQueryOf(new URLSearchParams(text));
  if (!parsed.ok) throw new Error(text);
  const q = parsed.query;
  const sort = q.sort === undefined ? defaultSort : (parseSort(q.sort) as { fields: SortField[] }).fields;
  const page = scope.listPage({
    sort,
    marker: q.marker,
    offset: q.offset ?? 0,
    limit: q.limit ?? 100,
    query: q,
  });
  if (page instanceof UnknownMarker) throw new Error('marker');
  return page.length;
}

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[xs.length >> 1]!;
/** Each round its own requests (`draw(round)`), so no round is served by another's caches. */
function time(label: string, draw: (round: number) => string[], run: (text: string) => unknown): void {
  const per: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const texts = draw(r);
    // CPU time, not wall time: on a shared machine the wall clock also counts others' turns.
    const started = process.cpuUsage();
    for (const text of texts) run(text);
    const { user, system } = process.cpuUsage(started);
    per.push((user + system) / texts.length);
  }
  console.log(
    `${label.padEnd(28)} ${median(per).toFixed(1).padStart(8)} µs CPU/request (median of ${repeats})`,
  );
}

const draws =
  (seed: number, length: number, make: (random: ReturnType<typeof createRandom>) => string) =>
  (round: number) => {
    const random = createRandom(seed + round);
    return Array.from({ length }, () => make(random));
  };
time(
  'listing plan, distinct',
  draws(1000, amount, (r) => listingQuery(r, sample)),
  planOf,
);
const only = process.env.BENCH_KINDS !== undefined;
if (only) {
  for (const kind of filterKinds) {
    time(
      `  page: ${kind}`,
      draws(2000, 300, (r) => listingQuery(r, sample, kind)),
      planOf,
    );
  }
  const choose = () => scope;
  for (const kind of filterKinds) {
    if (kind === 'marker only') continue;
    time(
      `  count: ${kind}`,
      draws(3000, 300, (r) => countQuery(r, sample, kind)),
      (t) => answerCount(choose, new URLSearchParams(t)),
    );
  }
}
