import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../src/index.js';
import { fixtureData, projectA, tokens } from './fixture.js';

/** POSTs `megabytes` MB of body in 1 MB chunks (never held whole), with backpressure. */
function postLarge(url: string, path: string, megabytes: number): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  const chunk = Buffer.alloc(1024 * 1024, 0x78);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: hostname,
        port,
        path,
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': chunk.length * megabytes,
          'X-Auth-Token': tokens.a,
        },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (c: string) => {
          body += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    let sent = 0;
    const pump = () => {
      while (sent < megabytes) {
        sent++;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

describe('a 100 MB body', () => {
  it('gets the documented 413 (not a connection reset) with the default 1 MiB limit', async () => {
    await using emu = await startEmulator({ data: fixtureData() });
    const res = await postLarge(emu.url, `/v1/${projectA}/csbs_backup/resource_instances/action`, 100);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ error_code: 'CSBS.9006' });
  });
});
