// The generated item writer in process, against a baseline measured in the same run: pages
// of 100 random backups written as checkpoint items and as tag-query resources, against
// `Uint8Array#set` of the same items' finished bytes into the same body (the floor: copying
// the answer, with nothing to compute). Interleaved, repeated, medians of CPU time; prints ns per item
// and the ratio, never asserts a time. The same count of pages of consecutive rows too: what
// the rows' own cache misses cost (their servers are as random either way). Run alone with `node --import tsx bench/item-writing.ts`,
// or as section 5 of bench/run.ts. Sizes: BENCH_ITEM_COUNT backups (default 200000),
// BENCH_ITEM_PAGES pages per repeat (default 300), BENCH_REPEATS (default 5 here).
import { GeneratedItems } from '../src/data/generated-items.js';
import { JsonBytes } from '../src/store/json-bytes.js';
import { median } from './harness.js';
import { createRandom } from './requests.js';

type Kind = 'item' | 'resource';

/** CPU time since `started`, in ns: on a shared machine, wall time counts the waits for a core too. */
function cpuNs(started: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(started);
  return (used.user + used.system) * 1000;
}

export function itemWritingSection(): void {
  const count = Number(process.env.BENCH_ITEM_COUNT ?? 200_000);
  const pages = Number(process.env.BENCH_ITEM_PAGES ?? 300);
  const repeats = Number(process.env.BENCH_REPEATS ?? 5);
  const items = new GeneratedItems(count, 1);
  const random = createRandom(5);
  const rows = Array.from({ length: pages }, () => Array.from({ length: 100 }, () => random.int(count)));
  const consecutive = Array.from({ length: pages }, (_, p) =>
    Array.from({ length: 100 }, (_, i) => (p * 100 + i) % count),
  );
  const out = new JsonBytes(1 << 20);
  let sink = 0;

  const write = (kind: Kind, pagesOfRows = rows) => {
    const started = process.cpuUsage();
    for (const page of pagesOfRows) {
      out.reset();
      for (const row of page) {
        if (kind === 'item') items.writeItem(out, row);
        else items.writeResource(out, row);
      }
      sink += out.length;
    }
    return cpuNs(started) / (pages * 100);
  };
  // The same pages' finished bytes, made once (not timed), copied into one reused body.
  const finished = (kind: Kind) =>
    rows.map((page) =>
      page.map(
        (row) => new Uint8Array(Buffer.from(kind === 'item' ? items.itemJson(row) : items.resourceJson(row))),
      ),
    );
  const body = Buffer.allocUnsafe(1 << 22);
  const copy = (bytes: Uint8Array[][]) => {
    const started = process.cpuUsage();
    for (const page of bytes) {
      let at = 0;
      for (const item of page) {
        body.set(item, at);
        at += item.length;
      }
      sink += at;
    }
    return cpuNs(started) / (pages * 100);
  };

  for (const kind of ['item', 'resource'] as const) {
    const bytes = finished(kind);
    const size = bytes.flat().reduce((sum, item) => sum + item.length, 0) / (pages * 100);
    write(kind);
    copy(bytes);
    const writer: number[] = [];
    const floor: number[] = [];
    const inOrder: number[] = [];
    for (let r = 0; r < repeats; r++) {
      if (r % 2 === 0) {
        writer.push(write(kind));
        floor.push(copy(bytes));
        inOrder.push(write(kind, consecutive));
      } else {
        inOrder.push(write(kind, consecutive));
        floor.push(copy(bytes));
        writer.push(write(kind));
      }
    }
    const w = median(writer);
    const f = median(floor);
    const o = median(inOrder);
    console.log(
      `${kind === 'item' ? 'checkpoint items' : 'tag-query resources'} (${size.toFixed(0)} B each, pages of 100, ${count} backups): ` +
        `writer ${w.toFixed(0)} ns per item, Uint8Array#set of the finished bytes ${f.toFixed(0)} ns: ` +
        `${(w / f).toFixed(1)}x the copy (${repeats} interleaved repeats, medians; runs ${writer.map((x) => x.toFixed(0)).join('/')} ns); ` +
        `consecutive rows ${o.toFixed(0)} ns, ${(o / w).toFixed(2)}x random ones`,
    );
  }
  if (sink === 0) console.log('nothing written');
}

if (import.meta.url === `file://${process.argv[1]}`) itemWritingSection();
