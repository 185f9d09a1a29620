// Walks every backup of a canned listing (the emulator's pages for a generated project,
// served from memory in a worker thread, so the walk is bounded by the code under test and
// not by the server) three ways, interleaved over repeated rounds, and prints items per
// second as ratios against the baseline measured in the same round:
//   baseline:  a hand-written sequential loop of undici.request + JSON.parse, no validation;
//   client:    CsbsClient.paginateCheckpointItems (pages of 1000, full response validation,
//              the next page fetched while the current one is consumed);
//   itemTexts: the same walk's pages with each item's source text (what the CLI's ndjson uses).
// Sizes come from the environment so a small run can come first:
//   CSBS_BENCH_ITEMS (default 200000), CSBS_BENCH_ROUNDS (default 5).

import { CsbsClient } from '@csbs-kit/client';
import { Agent, request } from 'undici';
import { startCannedListingThread } from '../support/canned-listing.ts';

const itemCount = Number(process.env.CSBS_BENCH_ITEMS ?? 200_000);
const rounds = Number(process.env.CSBS_BENCH_ROUNDS ?? 5);

async function handWrittenLoop(agent: Agent, base: string, token: string): Promise<number> {
  let marker: string | undefined;
  let count = 0;
  for (;;) {
    const query = marker === undefined ? '?limit=1000' : `?limit=1000&marker=${encodeURIComponent(marker)}`;
    const response = await request(`${base}${query}`, {
      dispatcher: agent,
      headers: { 'x-auth-token': token },
    });
    const body = JSON.parse(await response.body.text()) as { checkpoint_items: { id: string }[] };
    const items = body.checkpoint_items;
    count += items.length;
    if (items.length < 1000) return count;
    marker = items[items.length - 1]?.id;
  }
}

async function clientWalk(client: CsbsClient): Promise<number> {
  let count = 0;
  for await (const _item of client.paginateCheckpointItems({ limit: 1000 })) count++;
  return count;
}

async function textsWalk(client: CsbsClient): Promise<number> {
  let count = 0;
  for await (const page of client.paginateCheckpointItems({ limit: 1000 }, { itemTexts: true }).pages()) {
    count += page.itemTexts.length;
  }
  return count;
}

interface Timing {
  items: number;
  perSecond: number;
  ms: number;
  /** CPU time of this (the client's) thread per 1000 items; the emulator's thread is not counted. */
  cpuMsPerPage: number;
}

async function timed(run: () => Promise<number>): Promise<Timing> {
  const cpu = process.threadCpuUsage();
  const started = performance.now();
  const items = await run();
  const ms = performance.now() - started;
  const used = process.threadCpuUsage(cpu);
  return {
    items,
    perSecond: items / (ms / 1000),
    ms,
    cpuMsPerPage: (used.user + used.system) / 1000 / (items / 1000),
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

const listing = await startCannedListingThread(itemCount);
const agent = new Agent({ connections: 8, pipelining: 1, keepAliveTimeout: 30_000 });
const client = new CsbsClient({
  projectId: listing.projectId,
  endpoint: listing.url,
  credentials: { token: listing.token },
});
const listingUrl = `${listing.url}/v1/${listing.projectId}/checkpoint_items`;
const expected = listing.items;

console.log(
  `walking ${expected} backups (${(listing.bytes / 2 ** 20).toFixed(0)} MB of pages from a canned listing), ` +
    `${rounds} rounds each, Node ${process.versions.node}`,
);
// Warm-up: JIT, connections.
await handWrittenLoop(agent, listingUrl, listing.token);
await clientWalk(client);
await textsWalk(client);

const walks: [string, () => Promise<number>][] = [
  ['hand-written', () => handWrittenLoop(agent, listingUrl, listing.token)],
  ['client', () => clientWalk(client)],
  ['client itemTexts', () => textsWalk(client)],
];
const rates = new Map<string, number[]>(walks.map(([name]) => [name, []]));
const cpu = new Map<string, number[]>(walks.map(([name]) => [name, []]));
const ratios = new Map<string, number[]>(walks.map(([name]) => [name, []]));
for (let round = 1; round <= rounds; round++) {
  // Rotate the order so drift in machine load hits every walk alike.
  const order = walks.map((_, i) => walks[(i + round) % walks.length]!);
  const timings = new Map<string, Timing>();
  for (const [name, run] of order) {
    const timing = await timed(run);
    if (timing.items !== expected)
      throw new Error(`${name} walked ${timing.items} items, expected ${expected}`);
    timings.set(name, timing);
  }
  const base = timings.get('hand-written')!;
  const parts: string[] = [];
  for (const [name] of walks) {
    const t = timings.get(name)!;
    rates.get(name)!.push(t.perSecond);
    cpu.get(name)!.push(t.cpuMsPerPage);
    ratios.get(name)!.push(t.perSecond / base.perSecond);
    parts.push(`${name} ${Math.round(t.perSecond)}/s (${(t.perSecond / base.perSecond).toFixed(2)}×)`);
  }
  console.log(`round ${round}: ${parts.join(', ')}`);
}
console.log('\nmedians (items/s; ratio = median of the per-round ratios to the hand-written loop)');
for (const [name] of walks) {
  console.log(
    `  ${name.padEnd(18)} ${String(Math.round(median(rates.get(name)!))).padStart(8)} items/s  ` +
      `${median(ratios.get(name)!).toFixed(2)}×  client-thread CPU ${median(cpu.get(name)!).toFixed(1)} ms per 1000`,
  );
}
console.log('  goal: client >= 1.00× the hand-written loop (it validates, the loop does not)');

await client.close();
await agent.close();
await listing.close();
