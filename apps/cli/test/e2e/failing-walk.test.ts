import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCsbs } from '../helpers/run-csbs.js';

let url: string;
let close: () => Promise<void>;

// A listing on 127.0.0.1 whose first page is fine and whose second fails for good (404).
beforeAll(async () => {
  const server = createServer((req, res) => {
    const query = new URL(req.url ?? '/', 'http://x').searchParams;
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json', 'X-Request-Id': 'req-1' });
      res.end(JSON.stringify(body));
    };
    if (query.get('marker') === null) {
      const limit = Number(query.get('limit') ?? '1000');
      const items = Array.from({ length: limit }, (_, i) => ({
        id: `b${i}`,
        name: `n${i}`,
        status: 'available',
      }));
      send(200, { checkpoint_items: items });
    } else send(404, { error_code: 'CSBS.3001', error_msg: 'marker vanished' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise<void>((resolve) => server.close(() => resolve()));
});

afterAll(async () => {
  await close();
});

const env = () => ({ CSBS_ENDPOINT: url, OS_AUTH_TOKEN: 'walk-token-0001', OS_PROJECT_ID: 'p1' });

describe('a walk that fails half-way', () => {
  it('-o json --all: stdout is a closed, valid array of what arrived; the exit code says it failed', async () => {
    const r = await runCsbs(['backups', 'list', '--all', '--page-size', '3', '-o', 'json'], { env: env() });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^csbs: error: 404 CSBS\.3001: marker vanished/);
    expect((JSON.parse(r.stdout) as { id: string }[]).map((i) => i.id)).toEqual(['b0', 'b1', 'b2']);
  });

  it.each([
    [
      'ndjson',
      (text: string) =>
        text
          .trimEnd()
          .split('\n')
          .map((l) => JSON.parse(l)),
    ],
    ['csv', (text: string) => text.trimEnd().split('\n')],
    ['yaml', (text: string) => parse(text)],
  ])('-o %s --all: what reached stdout parses', async (format, read) => {
    const r = await runCsbs(['backups', 'list', '--all', '--page-size', '3', '-o', format], { env: env() });
    expect(r.code).toBe(1);
    expect(() => read(r.stdout)).not.toThrow();
  });
});
