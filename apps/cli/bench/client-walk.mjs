// The baseline of the streaming benchmark: the client's own walk over every backup, each
// item touched and dropped, in a process of its own like the CLI it is compared with.
import { CsbsClient } from '@csbs-kit/client';

const client = new CsbsClient({
  projectId: process.env.OS_PROJECT_ID,
  endpoint: process.env.CSBS_ENDPOINT,
  credentials: { token: process.env.OS_AUTH_TOKEN },
});
let count = 0;
for await (const page of client.paginateCheckpointItems({}, { pageSize: 1000 }).pages()) {
  count += page.checkpoint_items.length;
}
await client.close();
process.stdout.write(`${count}\n`);
