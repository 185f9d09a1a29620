// The baseline of the walk benchmarks: the client's own walk over every backup, each page
// touched and dropped, in a process of its own like the CLI it is compared with. With
// CSBS_BENCH_ITEM_TEXTS=1 the pages also carry each item's text (what the CLI's ndjson asks for).
import { CsbsClient } from '@csbs-kit/client';

const client = new CsbsClient({
  projectId: process.env.OS_PROJECT_ID,
  endpoint: process.env.CSBS_ENDPOINT,
  credentials: { token: process.env.OS_AUTH_TOKEN },
});
const itemTexts = process.env.CSBS_BENCH_ITEM_TEXTS === '1';
let count = 0;
for await (const page of client.paginateCheckpointItems({ limit: 1000 }, { itemTexts }).pages()) {
  count += page.checkpoint_items.length;
}
await client.close();
process.stdout.write(`${count}\n`);
