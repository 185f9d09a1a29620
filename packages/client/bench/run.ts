// Walks every backup of a generated emulator project two ways and prints items per second:
//   baseline: a hand-written sequential loop of undici.request + JSON.parse, no validation;
//   client:   CsbsClient.paginateCheckpointItems (pages of 1000, full response validation,
//             the next page fetched while the current one is consumed).
// Sizes come from the environment so a small run can come first:
//   CSBS_BENCH_ITEMS (default 200000), CSBS_BENCH_ROUNDS (default 3).
import { Worker } from 'node:worker_threads';
import { Agent, request } from 'undici';
import { CsbsClient } from '../src/index.js';

const itemCount = Number(process.env.CSBS_BENCH_ITEMS ?? 200_000);
const rounds = Number(process.env.CSBS_BENCH_ROUNDS ?? 3);

interface Started {
  url: string;
  demo: { projectId: string; token: string };
}

async function startEmulatorThread(): Promise<{ worker: Worker; started: Started }> {
  const worker = new Worker(new URL('./emulator-worker.ts', import.meta.url), {
    workerData: { count: itemCount, seed: 1 },
  });
  const started = await new Promise<Started>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return { worker, started };
}

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
  for await (const _item of client.paginateCheckpointItems({}, { pageSize: 1000 })) count++;
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

const { worker, started } = await startEmulatorThread();
const { url, demo } = started;
const agent = new Agent({ connections: 8, pipelining: 1, keepAliveTimeout: 30_000 });
const client = new CsbsClient({
  projectId: demo.projectId,
  endpoint: url,
  credentials: { token: demo.token },
});
const listing = `${url}/v1/${demo.projectId}/checkpoint_items`;

console.log(`walking ${itemCount} backups, ${rounds} rounds each, Node ${process.versions.node}`);
// Warm-up: JIT, connections, emulator caches.
await handWrittenLoop(agent, listing, demo.token);
await clientWalk(client);

const baseline: number[] = [];
const ours: number[] = [];
const ratios: number[] = [];
const cpuBaseline: number[] = [];
const cpuOurs: number[] = [];
for (let round = 1; round <= rounds; round++) {
  // Alternate the order so drift in machine load hits both sides alike.
  let hand: Awaited<ReturnType<typeof timed>>;
  let mine: Awaited<ReturnType<typeof timed>>;
  if (round % 2 === 1) {
    hand = await timed(() => handWrittenLoop(agent, listing, demo.token));
    mine = await timed(() => clientWalk(client));
  } else {
    mine = await timed(() => clientWalk(client));
    hand = await timed(() => handWrittenLoop(agent, listing, demo.token));
  }
  if (hand.items !== itemCount || mine.items !== itemCount) {
    throw new Error(`walk returned ${hand.items} / ${mine.items} items, expected ${itemCount}`);
  }
  baseline.push(hand.perSecond);
  ours.push(mine.perSecond);
  ratios.push(mine.perSecond / hand.perSecond);
  cpuBaseline.push(hand.cpuMsPerPage);
  cpuOurs.push(mine.cpuMsPerPage);
  console.log(
    `round ${round}: hand-written ${Math.round(hand.perSecond)} items/s (${Math.round(hand.ms)} ms), ` +
      `client ${Math.round(mine.perSecond)} items/s (${Math.round(mine.ms)} ms), ratio ${(mine.perSecond / hand.perSecond).toFixed(2)}×`,
  );
}
const b = median(baseline);
const c = median(ours);
console.log(`median hand-written loop (undici.request + JSON.parse): ${Math.round(b)} items/s`);
console.log(`median paginateCheckpointItems (validated, prefetch):  ${Math.round(c)} items/s`);
console.log(`ratio client / hand-written: ${(c / b).toFixed(2)}× (goal ≥ 1.00×)`);
console.log(`median of the per-round ratios: ${median(ratios).toFixed(2)}×`);
console.log(
  `client-thread CPU per page of 1000: hand-written ${median(cpuBaseline).toFixed(1)} ms, ` +
    `client ${median(cpuOurs).toFixed(1)} ms (validation and paging included)`,
);

await client.close();
await agent.close();
worker.postMessage('close');
await new Promise((resolve) => worker.once('exit', resolve));
