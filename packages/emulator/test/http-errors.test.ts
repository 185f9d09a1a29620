import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../src/index.js';
import { fixtureData, projectA, tokens } from './fixture.js';
import { call, errorOf, get, postJson } from './http.js';

let emu: RunningEmulator;
const actionPath = `/v1/${projectA}/csbs_backup/resource_instances/action`;

beforeAll(async () => {
  emu = await startEmulator({ data: fixtureData(), maxBodyBytes: 4096 });
});
afterAll(() => emu.close());

/** Sends a raw request target that fetch would normalise away. */
function rawGet(
  target: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(emu.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, path: target, method: 'GET', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => {
        body += c;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Sends raw bytes and reads what comes back until the server closes. */
function rawExchange(bytes: string): Promise<string> {
  const { hostname, port } = new URL(emu.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(bytes));
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (c) => {
      text += c;
    });
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
}

describe('errors', () => {
  it('answers a request that is not HTTP with a JSON 400 and stays up', async () => {
    const answer = await rawExchange('HELLO THERE\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toContain('X-Request-Id: ');
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({
      error_code: 'CSBS.9001',
    });
    expect((await get(`${emu.url}/__emulator/health`)).status).toBe(200);
  });

  it('answers an unknown path with 404 CSBS.9004 and JSON', async () => {
    // `/` is IAM's version discovery now; `/v2` and `/v3/x` are still nothing.
    for (const path of [
      '/v1',
      `/v1/${projectA}/checkpoint_items/a01/extra`,
      '/v2/x/checkpoint_items',
      '/v3/x',
    ]) {
      const res = await get(`${emu.url}${path}`, tokens.a);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/json');
      expect(res.headers.get('x-request-id')).toBeTruthy();
      expect(res.headers.get('x-openstack-request-id')).toBe(res.headers.get('x-request-id'));
      expect(errorOf(res.body).error_code).toBe('CSBS.9004');
    }
  });

  it('answers a wrong method with 405 and Allow', async () => {
    const res = await call(`${emu.url}/v1/${projectA}/checkpoint_items`, { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET');
    expect(errorOf(res.body).error_code).toBe('CSBS.9005');
    const get405 = await get(`${emu.url}${actionPath}`, tokens.a);
    expect(get405.status).toBe(405);
    expect(get405.headers.get('allow')).toBe('POST');
  });

  it('answers a body over the limit with 413 and keeps serving', async () => {
    const big = JSON.stringify({ action: 'count', pad: 'x'.repeat(10_000) });
    const res = await postJson(`${emu.url}${actionPath}`, big, tokens.a);
    expect(res.status).toBe(413);
    expect(errorOf(res.body).error_code).toBe('CSBS.9006');
    expect((await postJson(`${emu.url}${actionPath}`, { action: 'count' }, tokens.a)).body).toEqual({
      total_count: 10,
    });
  });

  it('answers a body far over the limit (200 kB for 4 KiB) with the 413 too, and keeps serving', async () => {
    const res = await postJson(`${emu.url}${actionPath}`, 'x'.repeat(200_000), tokens.a);
    expect(res.status).toBe(413);
    expect(errorOf(res.body).error_code).toBe('CSBS.9006');
    expect((await postJson(`${emu.url}${actionPath}`, { action: 'count' }, tokens.a)).status).toBe(200);
  });

  it('reads odd request targets without failing', async () => {
    for (const target of [
      `/v1/${projectA}/checkpoint_items?%zz=1&status=%E0%A4%A`,
      `/v1/${projectA}/checkpoint_items/%E0%A4%A`,
      `/v1/${projectA}/checkpoint_items?limit=1&limit=2&limit=x`,
      `/v1/%2e%2e/checkpoint_items`,
      `/v1/${projectA}/checkpoint_items?sort=${'%20'.repeat(300)}`,
    ]) {
      const res = await rawGet(target, { 'X-Auth-Token': tokens.a });
      expect(res.status, target).toBeLessThan(500);
      expect(() => JSON.parse(res.body)).not.toThrow();
    }
  });
});

const jsonValue = fc.jsonValue({ maxDepth: 4 });
const tagEntry = fc.record(
  {
    key: fc.oneof(fc.string({ maxLength: 10 }), jsonValue),
    values: fc.oneof(fc.array(fc.string({ maxLength: 5 }), { maxLength: 12 }), jsonValue),
  },
  { requiredKeys: [] },
);
const tagQueryBody = fc.record(
  {
    action: fc.oneof(fc.constantFrom('filter', 'count', 'list'), jsonValue),
    tags: fc.oneof(fc.array(tagEntry, { maxLength: 12 }), jsonValue),
    tags_any: fc.array(tagEntry, { maxLength: 3 }),
    not_tags: fc.array(tagEntry, { maxLength: 3 }),
    not_tags_any: fc.array(tagEntry, { maxLength: 3 }),
    matches: fc.array(
      fc.record({ key: fc.constantFrom('resource_name', 'x'), value: fc.string({ maxLength: 5 }) }),
      { maxLength: 2 },
    ),
    limit: fc.oneof(fc.nat({ max: 2000 }).map(String), jsonValue),
    offset: fc.oneof(fc.nat({ max: 20 }).map(String), fc.string({ maxLength: 4 })),
    extra: jsonValue,
  },
  { requiredKeys: [] },
);
const paramNames = [
  'status',
  'limit',
  'marker',
  'sort',
  'all_tenants',
  'name',
  'az',
  'resource_id',
  'resource_name',
  'start_time',
  'end_time',
  'image_type',
  'policy_id',
  'offset',
  'checkpoint_id',
  'resource_type',
  'other',
];
const paramValue = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    'available',
    'a03',
    'name:asc,id',
    'created_at:desc',
    'true',
    '2025-02-01T00:00:00',
    '0',
    '-1',
    '1000000',
    '',
  ),
);
const queryString = fc
  .array(fc.tuple(fc.constantFrom(...paramNames), paramValue), { maxLength: 6 })
  .map((pairs) => new URLSearchParams(pairs).toString());

describe('robustness (fast-check)', () => {
  it('never answers a 5xx to random tag-query bodies, and leaves the data unchanged', async () => {
    const before = (await get(`${emu.url}/v1/${projectA}/checkpoint_items`, tokens.a)).text;
    await fc.assert(
      fc.asyncProperty(fc.oneof(tagQueryBody, jsonValue), async (body) => {
        const res = await postJson(`${emu.url}${actionPath}`, JSON.stringify(body) ?? 'null', tokens.a);
        expect([200, 400]).toContain(res.status);
        expect(res.headers.get('x-request-id')).toBeTruthy();
        if (res.status === 400) expect(errorOf(res.body).error_code).toBe('CSBS.9001');
      }),
      { numRuns: 150 },
    );
    expect((await get(`${emu.url}/v1/${projectA}/checkpoint_items`, tokens.a)).text).toBe(before);
  });

  it('never answers a 5xx to random listing and count query strings', async () => {
    const before = (await get(`${emu.url}/v1/${projectA}/checkpoint_items`, tokens.a)).text;
    await fc.assert(
      fc.asyncProperty(queryString, fc.boolean(), async (query, count) => {
        const path = count ? 'checkpoint_items/count' : 'checkpoint_items';
        const res = await get(`${emu.url}/v1/${projectA}/${path}?${query}`, tokens.admin);
        expect([200, 400]).toContain(res.status);
        expect(res.body).toBeTypeOf('object');
      }),
      { numRuns: 150 },
    );
    expect((await get(`${emu.url}/v1/${projectA}/checkpoint_items`, tokens.a)).text).toBe(before);
  });

  it('never answers a 5xx to random bytes as a body', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), async (bytes) => {
        const res = await call(`${emu.url}${actionPath}`, {
          method: 'POST',
          headers: { 'X-Auth-Token': tokens.a, 'Content-Type': 'application/json' },
          body: bytes,
        });
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
  });
});
