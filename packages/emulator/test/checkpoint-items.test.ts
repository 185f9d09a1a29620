import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../src/index.js';
import { fixtureData, itemsA, projectA, projectB, tokens } from './fixture.js';
import { errorOf, get, ids } from './http.js';

let emu: RunningEmulator;
const list = (query: string, token: string = tokens.a) =>
  get(`${emu.url}/v1/${projectA}/checkpoint_items${query ? `?${query}` : ''}`, token);

beforeAll(async () => {
  emu = await startEmulator({ data: fixtureData() });
});
afterAll(() => emu.close());

describe('GET /v1/{project_id}/checkpoint_items', () => {
  it('lists every backup of the project, newest first, with the id tie-break and missing last', async () => {
    const res = await list('');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids(res.body)).toEqual(['a05', 'a04', 'a03', 'a09', 'a02', 'a01', 'a06', 'a07', 'a08', 'a10']);
    expect(res.body).not.toHaveProperty('checkpoint_items_links');
  });

  it('returns items exactly as stored, unknown fields included', async () => {
    const res = await list('limit=1');
    const first = (res.body as { checkpoint_items: unknown[] }).checkpoint_items[0];
    expect(first).toEqual(itemsA.find((i) => i.id === 'a05'));
    expect(first).toHaveProperty('custom_field', { kept: true });
  });

  it.each([
    ['status=available', ['a05', 'a03', 'a09', 'a01', 'a07', 'a08']],
    ['name=AUTOBK', ['a05', 'a03', 'a01', 'a07']],
    ['name=bk_', ['a05', 'a03', 'a02', 'a01', 'a07']],
    ['az=eu-de-01', ['a03', 'a01', 'a06', 'a08']],
    ['az=EU-DE-01', []],
    ['resource_name=db', ['a09', 'a02', 'a07']],
    ['resource_name=Web-0', ['a03', 'a01', 'a06', 'a08']],
    ['resource_id=srv-web', ['a01', 'a06', 'a08']],
    ['resource_id=srv-WEB', []],
    ['image_type=replication', ['a03']],
    ['policy_id=pol-1', ['a03', 'a01', 'a07']],
    ['checkpoint_id=cp-2', ['a02']],
    ['resource_type=OS::Cinder::Volume', ['a04']],
    ['start_time=2025-02-01T00:00:00.5', ['a05', 'a04', 'a03', 'a09', 'a02']],
    ['start_time=2025-02-01T00:00:00.500001', ['a05', 'a04', 'a03']],
    ['end_time=2024-12-24T12:00:00.123456', ['a06', 'a07', 'a08', 'a10']],
    ['start_time=2025-01-01T00:00:00&end_time=2025-03-01T10:00:00', ['a03', 'a09', 'a02', 'a01']],
    ['status=available&az=eu-de-01', ['a03', 'a01', 'a08']],
    ['status=deleting', []],
    ['unknown_param=1&status=error', ['a02']],
  ])('filters %s', async (query, expected) => {
    const res = await list(query);
    expect(res.status).toBe(200);
    expect(ids(res.body)).toEqual(expected);
  });

  it.each([
    ['sort=created_at:asc', ['a10', 'a08', 'a07', 'a06', 'a01', 'a02', 'a09', 'a03', 'a04', 'a05']],
    ['sort=name:asc', ['a10', 'a02', 'a05', 'a07', 'a01', 'a03', 'a04', 'a08', 'a09', 'a06']],
    ['sort=name', ['a06', 'a09', 'a08', 'a04', 'a03', 'a01', 'a07', 'a05', 'a02', 'a10']],
    ['sort=status:desc', ['a04', 'a02', 'a06', 'a09', 'a08', 'a07', 'a05', 'a03', 'a01', 'a10']],
    ['sort=status:asc,name:desc', ['a10', 'a09', 'a08', 'a03', 'a01', 'a07', 'a05', 'a06', 'a02', 'a04']],
    ['sort=id:asc', ['a01', 'a02', 'a03', 'a04', 'a05', 'a06', 'a07', 'a08', 'a09', 'a10']],
  ])('sorts %s', async (query, expected) => {
    const res = await list(query);
    expect(res.status).toBe(200);
    expect(ids(res.body)).toEqual(expected);
  });

  it('pages by marker and links the next page only when the page is full', async () => {
    const page1 = await list('limit=3');
    expect(ids(page1.body)).toEqual(['a05', 'a04', 'a03']);
    const links = (page1.body as { checkpoint_items_links: { rel: string; href: string }[] })
      .checkpoint_items_links;
    expect(links).toEqual([
      { rel: 'next', href: `${emu.url}/v1/${projectA}/checkpoint_items?limit=3&marker=a03` },
    ]);
    const page2 = await get(links[0]!.href, tokens.a);
    expect(ids(page2.body)).toEqual(['a09', 'a02', 'a01']);
    const page3 = await list('limit=3&marker=a01');
    expect(ids(page3.body)).toEqual(['a06', 'a07', 'a08']);
    const page4 = await list('limit=3&marker=a08');
    expect(ids(page4.body)).toEqual(['a10']);
    expect(page4.body).not.toHaveProperty('checkpoint_items_links');
    const past = await list('limit=3&marker=a10');
    expect(ids(past.body)).toEqual([]);
  });

  it('keeps filters and sort in the next link and drops offset', async () => {
    const res = await list('status=available&sort=name:asc&offset=1&limit=2');
    expect(ids(res.body)).toEqual(
      ['autobk_db', 'autobk_web'].map((n) => itemsA.find((i) => i.name === n)!.id),
    );
    const href = (res.body as { checkpoint_items_links: { href: string }[] }).checkpoint_items_links[0]!.href;
    expect(href).toBe(
      `${emu.url}/v1/${projectA}/checkpoint_items?status=available&sort=name%3Aasc&limit=2&marker=a01`,
    );
    expect(ids((await get(href, tokens.a)).body)).toEqual(['a03', 'a08']);
  });

  it('applies marker, then offset, then limit', async () => {
    expect(ids((await list('offset=2&limit=2')).body)).toEqual(['a03', 'a09']);
    expect(ids((await list('marker=a03&offset=1&limit=2')).body)).toEqual(['a02', 'a01']);
    expect(ids((await list('offset=10')).body)).toEqual([]);
    expect(ids((await list('status=available&offset=4')).body)).toEqual(['a07', 'a08']);
  });

  it('accepts a marker that the filters leave out: it names a position in the order', async () => {
    const res = await list('status=available&marker=a04');
    expect(ids(res.body)).toEqual(['a03', 'a09', 'a01', 'a07', 'a08']);
  });

  it.each([
    ['marker=nope', 'marker'],
    ['marker=b01', 'marker'],
    ['limit=0', 'limit: must be positive'],
    ['limit=-1', 'limit: must be a whole number'],
    ['limit=abc', 'limit'],
    ['offset=1.5', 'offset: must be a whole number'],
    ['status=aviable', 'status: must be one of'],
    ['sort=size:asc', 'sort: unknown sort key "size"'],
    ['sort=name:up', 'sort: unknown sort direction'],
    ['sort=name,name', 'sort'],
    [`sort=${'name,'.repeat(60)}id`, 'sort: at most 255 characters'],
    ['all_tenants=maybe', 'all_tenants: must be true or false'],
    ['start_time=2025-02-30T00:00:00', 'start_time'],
    ['end_time=yesterday', 'end_time'],
    ['marker=', 'marker: must not be empty'],
  ])('answers 400 CSBS.9001 naming the field for %s', async (query, fragment) => {
    const res = await list(query);
    expect(res.status).toBe(400);
    expect(errorOf(res.body).error_code).toBe('CSBS.9001');
    expect(errorOf(res.body).error_msg).toContain(fragment);
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });

  it('lists every project for an administrator with all_tenants=true, and refuses others', async () => {
    const admin = await list('all_tenants=true&sort=id:asc', tokens.admin);
    expect(ids(admin.body)).toEqual([...itemsA.map((i) => i.id), 'b01', 'b02']);
    const user = await list('all_tenants=true', tokens.a);
    expect(user.status).toBe(403);
    expect(errorOf(user.body).error_code).toBe('CSBS.9002');
    expect((await list('all_tenants=false', tokens.a)).status).toBe(200);
    const count = await get(`${emu.url}/v1/${projectA}/checkpoint_items/count?all_tenants=1`, tokens.admin);
    expect(count.body).toEqual({ count: 12 });
    const marker = await list('all_tenants=true&marker=b01&sort=id:asc', tokens.admin);
    expect(ids(marker.body)).toEqual(['b02']);
  });
});

describe('repeated requests', () => {
  it('answer the same bytes, and never hand an admin answer to anyone else', async () => {
    const texts = [];
    for (let i = 0; i < 4; i++) texts.push((await list('all_tenants=true&limit=3', tokens.admin)).text);
    expect(new Set(texts).size).toBe(1);
    expect(ids(JSON.parse(texts[0]!))).toEqual(['b02', 'b01', 'a05']);
    expect((await list('all_tenants=true&limit=3', tokens.a)).status).toBe(403);
  });

  it('see new data after a load', async () => {
    await using other = await startEmulator({ data: fixtureData() });
    const url = `${other.url}/v1/${projectA}/checkpoint_items/count`;
    for (let i = 0; i < 3; i++) expect((await get(url, tokens.a)).body).toEqual({ count: 10 });
    const smaller = fixtureData();
    smaller.projects[projectA]!.checkpoint_items.length = 2;
    other.load(smaller);
    expect((await get(url, tokens.a)).body).toEqual({ count: 2 });
  });
});

describe('GET /v1/{project_id}/checkpoint_items/count', () => {
  it.each([
    ['', 10],
    ['status=available', 6],
    ['name=autobk', 4],
    ['az=eu-de-02&status=available', 2],
    ['limit=1&marker=zzz&sort=bad', 10],
    ['status=deleting', 0],
  ])('counts %s', async (query, expected) => {
    const res = await get(`${emu.url}/v1/${projectA}/checkpoint_items/count?${query}`, tokens.a);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ count: expected });
  });

  it('rejects a bad filter', async () => {
    const res = await get(`${emu.url}/v1/${projectA}/checkpoint_items/count?status=nope`, tokens.a);
    expect(res.status).toBe(400);
    expect(errorOf(res.body).error_msg).toMatch(/^status: /);
  });
});

describe('GET /v1/{project_id}/checkpoint_items/{id}', () => {
  it('answers one backup', async () => {
    const res = await get(`${emu.url}/v1/${projectA}/checkpoint_items/a02`, tokens.a);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ checkpoint_item: itemsA[1] });
  });

  it('answers 404 CSBS.3001 for a missing backup or one of another project', async () => {
    for (const id of ['nope', 'b01']) {
      const res = await get(`${emu.url}/v1/${projectA}/checkpoint_items/${id}`, tokens.a);
      expect(res.status).toBe(404);
      expect(errorOf(res.body).error_code).toBe('CSBS.3001');
    }
    const own = await get(`${emu.url}/v1/${projectB}/checkpoint_items/b01`, tokens.b);
    expect(own.status).toBe(200);
  });
});
