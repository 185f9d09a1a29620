import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCredentials as demo } from '../src/demo-credentials.js';
import { type RunningEmulator, startEmulator } from '../src/index.js';

// Pages are written from pooled buffers that go back to the pool once their response has
// finished. Requests pipelined on one socket make that matter: node:http queues the
// answers after the first until it is written, still pointing at their buffers, while the
// next requests are answered. Each page must still be the one asked for, byte for byte
// what it is when asked for alone.
let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator({ generate: { count: 3000, seed: 5 } });
});
afterAll(() => emu.close());

const sorts = ['created_at:desc', 'name:asc', 'id:desc', 'status:asc'];
const paths = Array.from(
  { length: 12 },
  (_, i) => `/v1/${demo.projectId}/checkpoint_items?limit=${80 + i}&offset=${i * 9}&sort=${sorts[i % 4]}`,
);

/** The bodies of pipelined GETs of `list`, written at once on one socket, in order. */
function pipelined(list: readonly string[]): Promise<string[]> {
  const { port } = new URL(emu.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    const chunks: Buffer[] = [];
    const bodies: string[] = [];
    const parse = () => {
      let data = Buffer.concat(chunks);
      for (;;) {
        const end = data.indexOf('\r\n\r\n');
        if (end < 0) break;
        const head = data.subarray(0, end).toString('latin1');
        const length = Number(/content-length: *(\d+)/i.exec(head)?.[1]);
        if (data.length < end + 4 + length) break;
        bodies.push(data.subarray(end + 4, end + 4 + length).toString('utf8'));
        data = data.subarray(end + 4 + length);
      }
      chunks.length = 0;
      chunks.push(data);
      if (bodies.length === list.length) {
        socket.destroy();
        resolve(bodies);
      }
    };
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      parse();
    });
    socket.on('error', reject);
    socket.write(
      list
        .map(
          (path) => `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Auth-Token: ${demo.token}\r\n\r\n`,
        )
        .join(''),
    );
  });
}

describe('pages answered while earlier ones wait to be written', () => {
  it('are each their own page (12 listing pages pipelined on one socket)', async () => {
    // Distinct requests: the response cache keeps nothing that was asked for once.
    const together = await pipelined(paths);
    const alone: string[] = [];
    for (const path of paths) {
      const res = await fetch(`${emu.url}${path}`, { headers: { 'X-Auth-Token': demo.token } });
      alone.push(await res.text());
    }
    expect(new Set(together).size).toBe(paths.length);
    for (let i = 0; i < paths.length; i++) expect(together[i], `request ${i}`).toBe(alone[i]);
  });
});
