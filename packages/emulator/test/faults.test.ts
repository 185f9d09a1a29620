import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../src/index.js';
import { fixtureData, projectA, tokens } from './fixture.js';
import { call, errorOf, get } from './http.js';

let emu: RunningEmulator;
const listUrl = () => `${emu.url}/v1/${projectA}/checkpoint_items/count`;
const withFault = (fault: string) =>
  call(listUrl(), { headers: { 'X-Auth-Token': tokens.a, 'X-Emulator-Fault': fault } });

beforeAll(async () => {
  emu = await startEmulator({ data: fixtureData() });
});
afterAll(() => emu.close());

async function statuses(n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await get(listUrl(), tokens.a)).status);
  return out;
}

describe('server-wide faults', () => {
  it('answers a share of requests with the chosen statuses, the same sequence for the same seed', async () => {
    emu.setFaults({ statusRate: 0.5, statuses: [429, 503, 500], seed: 42 });
    const first = await statuses(40);
    emu.setFaults({ statusRate: 0.5, statuses: [429, 503, 500], seed: 42 });
    const second = await statuses(40);
    expect(second).toEqual(first);
    const faults = first.filter((s) => s !== 200);
    expect(faults.length).toBeGreaterThan(8);
    expect(faults.length).toBeLessThan(32);
    expect(new Set(faults)).toEqual(new Set([429, 503, 500]));
    emu.setFaults({ statusRate: 0.5, statuses: [429, 503, 500], seed: 43 });
    expect(await statuses(40)).not.toEqual(first);
    emu.setFaults(undefined);
    expect(new Set(await statuses(10))).toEqual(new Set([200]));
  });

  it('sends Retry-After on 429 and 503 only', async () => {
    emu.setFaults({ statusRate: 1, statuses: [429], retryAfterSeconds: 7 });
    const throttled = await get(listUrl(), tokens.a);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('7');
    expect(throttled.headers.get('x-request-id')).toBeTruthy();
    expect(errorOf(throttled.body).error_code).toBe('APIGW.0308');
    emu.setFaults({ statusRate: 1, statuses: [500] });
    const failed = await get(listUrl(), tokens.a);
    expect(failed.status).toBe(500);
    expect(failed.headers.get('retry-after')).toBeNull();
    emu.setFaults(undefined);
  });

  it('cuts connections before the response', async () => {
    emu.setFaults({ cutRate: 1 });
    await expect(get(listUrl(), tokens.a)).rejects.toThrow();
    emu.setFaults(undefined);
    expect((await get(listUrl(), tokens.a)).status).toBe(200);
    const cut = emu.requestLog().find((e) => e.fault === 'cut');
    expect(cut?.status).toBe(0);
  });

  it('delays responses by the latency', async () => {
    emu.setFaults({ latencyMs: { min: 120, max: 150 } });
    const started = performance.now();
    expect((await get(listUrl(), tokens.a)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(115);
    emu.setFaults(undefined);
  });

  it('refuses invalid fault options', () => {
    expect(() => emu.setFaults({ statusRate: 2 })).toThrow(/statusRate: must be between 0 and 1/);
    expect(() => emu.setFaults({ statuses: [418] })).toThrow(/statuses\[0\]/);
    expect(() => emu.setFaults({ latencyMs: { min: 5, max: 1 } })).toThrow(/min must not exceed max/);
  });
});

describe('X-Emulator-Fault', () => {
  it('forces a status, a latency or a cut on one request', async () => {
    const forced = await withFault('status=503');
    expect(forced.status).toBe(503);
    expect(forced.headers.get('retry-after')).toBe('1');
    const started = performance.now();
    const slow = await withFault('latency=100; status=502');
    expect(slow.status).toBe(502);
    expect(performance.now() - started).toBeGreaterThanOrEqual(95);
    await expect(withFault('cut')).rejects.toThrow();
    expect((await get(listUrl(), tokens.a)).status).toBe(200);
  });

  it('answers 400 for a header it cannot read', async () => {
    for (const header of ['status=abc', 'explode', 'latency=-1']) {
      const res = await withFault(header);
      expect(res.status).toBe(400);
      expect(errorOf(res.body).error_msg).toContain('X-Emulator-Fault');
    }
  });
});

describe('control endpoints', () => {
  it('reports health', async () => {
    const res = await get(`${emu.url}/__emulator/health`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', projects: { 'proj-a': 10, 'proj-b': 2 }, checkpoint_items: 12 });
  });

  it('sets and reads faults over HTTP', async () => {
    const put = await call(`${emu.url}/__emulator/faults`, {
      method: 'PUT',
      body: JSON.stringify({ statusRate: 1, statuses: [504] }),
    });
    expect(put.body).toEqual({ faults: { statusRate: 1, statuses: [504] } });
    expect((await get(listUrl(), tokens.a)).status).toBe(504);
    expect((await get(`${emu.url}/__emulator/health`)).status).toBe(200);
    const bad = await call(`${emu.url}/__emulator/faults`, {
      method: 'PUT',
      body: JSON.stringify({ cutRate: 'x' }),
    });
    expect(bad.status).toBe(400);
    expect(errorOf(bad.body).error_msg).toContain('cutRate');
    await call(`${emu.url}/__emulator/faults`, { method: 'PUT', body: 'null' });
    expect((await get(`${emu.url}/__emulator/faults`)).body).toEqual({ faults: null });
  });

  it('loads data, refuses invalid data without a change, and resets', async () => {
    const data = fixtureData();
    data.projects['proj-a']!.checkpoint_items = [{ id: 'only' }];
    const loaded = await call(`${emu.url}/__emulator/data`, { method: 'POST', body: JSON.stringify(data) });
    expect(loaded.status).toBe(200);
    expect((await get(`${emu.url}/v1/${projectA}/checkpoint_items/count`, tokens.a)).body).toEqual({
      count: 1,
    });
    const invalid = fixtureData();
    invalid.projects['proj-a']!.checkpoint_items[3]!.tags = [{ key: 'bad key', value: 'x' }];
    const refused = await call(`${emu.url}/__emulator/data`, {
      method: 'POST',
      body: JSON.stringify(invalid),
    });
    expect(refused.status).toBe(400);
    expect(errorOf(refused.body).error_msg).toBe(
      'project proj-a, checkpoint_items[3], field tags[0].key: only letters, digits, "-" and "_"',
    );
    expect((await get(`${emu.url}/v1/${projectA}/checkpoint_items/count`, tokens.a)).body).toEqual({
      count: 1,
    });
    await call(`${emu.url}/__emulator/faults`, { method: 'PUT', body: JSON.stringify({ statusRate: 1 }) });
    expect((await call(`${emu.url}/__emulator/reset`, { method: 'POST' })).status).toBe(200);
    expect((await get(`${emu.url}/v1/${projectA}/checkpoint_items/count`, tokens.a)).body).toEqual({
      count: 10,
    });
    const afterReset = (await get(`${emu.url}/__emulator/requests`)).body as { requests: { path: string }[] };
    expect(afterReset.requests.map((r) => r.path)).toEqual([`/v1/${projectA}/checkpoint_items/count`]);
    expect((await get(`${emu.url}/__emulator/faults`)).body).toEqual({ faults: null });
  });

  it('logs API requests, not control requests, and clears the log', async () => {
    emu.reset();
    await get(`${emu.url}/v1/${projectA}/checkpoint_items?limit=1`, tokens.a);
    await get(`${emu.url}/__emulator/health`);
    const log = emu.requestLog();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      method: 'GET',
      path: `/v1/${projectA}/checkpoint_items`,
      query: 'limit=1',
      status: 200,
    });
    expect(log[0]!.durationMs).toBeGreaterThanOrEqual(0);
    expect((await call(`${emu.url}/__emulator/requests`, { method: 'DELETE' })).status).toBe(200);
    expect(emu.requestLog()).toEqual([]);
  });
});
