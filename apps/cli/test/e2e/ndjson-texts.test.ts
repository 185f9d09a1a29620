import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCsbs } from '../helpers/run-csbs.js';

// Items as a server might send them: unknown fields, numbers spelled `1.50` and `1e2`,
// escapes. Re-serialising the parsed objects would change every one of these lines.
const items = Array.from(
  { length: 5 },
  (_, i) =>
    `{"id":"b${i}","name":"nightly \\"${i}\\"","status":"available","tags":[{"key":"env","value":"${i % 2 ? 'prod' : 'dev'}"}],"extend_info":{"size":1.50,"x-new":1e2}}`,
);
// One pretty-printed item: its text holds line breaks, so NDJSON must re-serialise it.
const pretty = '{\n  "id": "b5",\n  "name": "pretty",\n  "status": "available"\n}';
const all = [...items, pretty];

// Tag-query answers: resources with the same kind of text, and one pretty-printed.
const resources = Array.from(
  { length: 5 },
  (_, i) =>
    `{"resource_id":"r${i}","resource_name":"nightly \\"${i}\\"","resource_detail":{"id":"b${i}","extend_info":{"size":1.50}},"tags":[{"key":"env","value":"prod"}],"x-new":1e2}`,
);
const prettyResource = '{\n  "resource_id": "r5",\n  "resource_name": "pretty"\n}';
const allResources = [...resources, prettyResource];

let server: Server;
let env: Record<string, string>;

beforeAll(async () => {
  // A small listing server: pages of the canned texts above, by marker and limit.
  server = createServer(async (req, res) => {
    const query = new URL(req.url ?? '/', 'http://x').searchParams;
    if (new URL(req.url ?? '/', 'http://x').pathname.endsWith('/resource_instances/action')) {
      let text = '';
      for await (const chunk of req) text += chunk;
      const body = JSON.parse(text) as { limit?: string; offset?: string; matches?: unknown };
      const offset = Number(body.offset ?? '0');
      const page = allResources.slice(offset, offset + Number(body.limit ?? '1000'));
      // A query by name answers one invalid resource (no resource_id) after the good ones.
      if (body.matches !== undefined) page.push('{"resource_name":"no id"}');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`{"resources":[${page.join(',')}],"total_count":${allResources.length}}`);
      return;
    }
    if (!new URL(req.url ?? '/', 'http://x').pathname.endsWith('/checkpoint_items')) {
      res.writeHead(404).end();
      return;
    }
    const marker = query.get('marker');
    const start = marker === null ? 0 : Number(marker.slice(1)) + 1;
    const limit = Number(query.get('limit') ?? '1000');
    const bad = query.get('status') === 'error' ? ['{"id":7}'] : [];
    const page = [...all.slice(start, start + limit), ...bad];
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(`{"checkpoint_items":[${page.join(',')}]}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  env = { CSBS_ENDPOINT: `http://127.0.0.1:${port}`, OS_AUTH_TOKEN: 'ndjson-token', OS_PROJECT_ID: 'p1' };
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('csbs backups list -o ndjson writes each item as received', () => {
  it('one line per item: the received text, or the re-serialised item when the text spans lines', async () => {
    const r = await runCsbs(['backups', 'list', '--all', '--page-size', '2', '-o', 'ndjson'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${[...items, JSON.stringify(JSON.parse(pretty))].join('\n')}\n`);
  });

  it('with --selector and --max, the lines kept are the matching items, in order', async () => {
    const r = await runCsbs(
      ['backups', 'list', '--selector', 'env=prod', '--max', '1', '--page-size', '2', '-o', 'ndjson', '-q'],
      { env },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${items[1]}\n`);
  });

  it('--fields still projects (and so serialises) each record', async () => {
    const r = await runCsbs(['backups', 'list', '--max', '2', '--fields', 'id,extend_info.size', '-q'], {
      env,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('{"id":"b0","extend_info":{"size":1.5}}\n{"id":"b1","extend_info":{"size":1.5}}\n');
  });

  it('the items are still validated: a bad one is an error, not a line', async () => {
    const r = await runCsbs(['backups', 'list', '--status', 'error', '-o', 'ndjson'], { env });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('checkpoint_items[6].id');
  });
});

describe('csbs backups query -o ndjson writes each resource as received', () => {
  it('one line per resource: the received text, or the re-serialised one when the text spans lines', async () => {
    const r = await runCsbs(
      ['backups', 'query', '--selector', 'env', '--all', '--page-size', '2', '-o', 'ndjson'],
      { env },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${[...resources, JSON.stringify(JSON.parse(prettyResource))].join('\n')}\n`);
  });

  it('--limit keeps the first lines, still as received', async () => {
    const r = await runCsbs(
      ['backups', 'query', '--selector', 'env', '--limit', '3', '--page-size', '2', '-o', 'ndjson', '-q'],
      { env },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${resources.slice(0, 3).join('\n')}\n`);
  });

  it('--fields still projects (and so serialises) each record', async () => {
    const r = await runCsbs(
      [
        'backups',
        'query',
        '--selector',
        'env',
        '--limit',
        '1',
        '-o',
        'ndjson',
        '--fields',
        'id,extend_info.size',
        '-q',
      ],
      { env },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('{"id":"b0","extend_info":{"size":1.5}}\n');
  });

  it('the resources are still validated: a bad one is an error, not a line', async () => {
    const r = await runCsbs(['backups', 'query', '--name-contains', 'x', '--all', '-o', 'ndjson'], { env });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('resources[6].resource_id');
  });
});
