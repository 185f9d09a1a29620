// A second baseline of the walk benchmarks: a hand-written sequential loop of
// undici.request + JSON.parse over every page, no validation and no output, in a process of
// its own like the CLI it is compared with.
import { Agent, request } from 'undici';

const agent = new Agent({ connections: 1, keepAliveTimeout: 30_000 });
const base = `${process.env.CSBS_ENDPOINT}/v1/${process.env.OS_PROJECT_ID}/checkpoint_items`;
let marker;
let count = 0;
for (;;) {
  const query = marker === undefined ? '?limit=1000' : `?limit=1000&marker=${encodeURIComponent(marker)}`;
  const response = await request(base + query, {
    dispatcher: agent,
    headers: { 'x-auth-token': process.env.OS_AUTH_TOKEN },
  });
  const items = JSON.parse(await response.body.text()).checkpoint_items;
  count += items.length;
  if (items.length < 1000) break;
  marker = items.at(-1).id;
}
await agent.close();
process.stdout.write(`${count}\n`);
