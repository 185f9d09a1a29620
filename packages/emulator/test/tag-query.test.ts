import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../src/index.js';
import { fixtureData, itemsA, projectA, tokens } from './fixture.js';
import { errorOf, postJson } from './http.js';

let emu: RunningEmulator;
let lenient: RunningEmulator;
const path = `/v1/${projectA}/csbs_backup/resource_instances/action`;
const query = (body: unknown, target: RunningEmulator = emu) =>
  postJson(`${target.url}${path}`, body, tokens.a);
const resourceIds = (body: unknown) =>
  (body as { resources: { resource_id: string }[] }).resources.map((r) => r.resource_id);

beforeAll(async () => {
  emu = await startEmulator({ data: fixtureData() });
  lenient = await startEmulator({ data: fixtureData(), strict: false });
});
afterAll(async () => {
  await emu.close();
  await lenient.close();
});

describe('POST …/csbs_backup/resource_instances/action', () => {
  it.each([
    [{ tags: [{ key: 'env', values: ['prod'] }] }, ['a03', 'a09', 'a01']],
    [{ tags: [{ key: 'env', values: [] }] }, ['a03', 'a09', 'a02', 'a01', 'a08']],
    [
      {
        tags: [
          { key: 'env', values: ['prod'] },
          { key: 'team', values: ['web'] },
        ],
      },
      ['a01'],
    ],
    [
      {
        tags_any: [
          { key: 'env', values: ['staging'] },
          { key: 'team', values: ['web'] },
        ],
      },
      ['a02', 'a01', 'a06'],
    ],
    [
      {
        not_tags: [
          { key: 'env', values: ['prod'] },
          { key: 'team', values: ['web'] },
        ],
      },
      ['a05', 'a04', 'a03', 'a09', 'a02', 'a06', 'a07', 'a08', 'a10'],
    ],
    [{ not_tags_any: [{ key: 'env', values: [] }] }, ['a05', 'a04', 'a06', 'a07', 'a10']],
    [{ tags: [{ key: 'legacy', values: [''] }] }, ['a04']],
    [{ tags: [{ key: ' env ', values: [' prod '] }] }, ['a03', 'a09', 'a01']],
    [{ tags: [{ key: 'env', values: ['*prod'] }] }, []],
    [{ tags: [{ key: 'k'.repeat(100), values: [] }] }, []],
    [{ matches: [{ key: 'resource_name', value: 'AUTOBK' }] }, ['a05', 'a03', 'a01', 'a07']],
    [{}, ['a05', 'a04', 'a03', 'a09', 'a02', 'a01', 'a06', 'a07', 'a08', 'a10']],
  ])('filter %j', async (conditions, expected) => {
    const res = await query({ action: 'filter', ...conditions });
    expect(res.status).toBe(200);
    expect(resourceIds(res.body)).toEqual(expected);
    expect((res.body as { total_count: number }).total_count).toBe(expected.length);
    const count = await query({ action: 'count', ...conditions });
    expect(count.body).toEqual({ total_count: expected.length });
  });

  it('answers resources as the backup itself', async () => {
    const res = await query({ action: 'filter', tags: [{ key: 'team', values: ['db'] }] });
    expect(res.body).toEqual({
      resources: [
        {
          resource_id: 'a02',
          resource_name: 'ManualBK_DB',
          resource_detail: itemsA[1],
          tags: itemsA[1]!.tags,
        },
      ],
      total_count: 1,
    });
  });

  it('pages by offset and limit, counting every match', async () => {
    const res = await query({
      action: 'filter',
      limit: '2',
      offset: '1',
      tags: [{ key: 'env', values: [] }],
    });
    expect(resourceIds(res.body)).toEqual(['a09', 'a02']);
    expect((res.body as { total_count: number }).total_count).toBe(5);
    const past = await query({ action: 'filter', offset: '10', tags: [{ key: 'env', values: [] }] });
    expect(past.body).toEqual({ resources: [], total_count: 5 });
    const count = await query({ action: 'count', limit: '5000', offset: '7' });
    expect(count.body).toEqual({ total_count: 10 });
  });

  it.each([
    [{}, 'action'],
    [{ action: 'list' }, 'action: must be "filter" or "count"'],
    [{ action: 'filter', limit: 100 }, 'limit: must be a string of decimal digits'],
    [{ action: 'filter', limit: '0' }, 'limit: must be between "1" and "1000"'],
    [{ action: 'filter', limit: '1001' }, 'limit: must be between "1" and "1000"'],
    [{ action: 'filter', offset: '-1' }, 'offset: must be a string of decimal digits'],
    [{ action: 'filter', tags: [] }, 'tags: must not be empty when present'],
    [{ action: 'filter', matches: [] }, 'matches: must not be empty when present'],
    [{ action: 'count', matches: [] }, 'matches: must not be empty when present'],
    [
      { action: 'filter', tags: Array.from({ length: 11 }, (_, i) => ({ key: `k${i}`, values: [] })) },
      'tags: at most 10 entries',
    ],
    [
      { action: 'filter', tags: [{ key: 'k', values: Array.from({ length: 11 }, (_, i) => `v${i}`) }] },
      'tags[0].values: at most 10 values',
    ],
    [
      {
        action: 'count',
        not_tags_any: [
          { key: 'a', values: [] },
          { key: ' a', values: [] },
        ],
      },
      'not_tags_any[1].key: duplicate key "a"',
    ],
    [{ action: 'filter', tags: [{ key: '  ', values: [] }] }, 'tags[0].key: must not be empty'],
    [
      { action: 'filter', tags: [{ key: 'k'.repeat(128), values: [] }] },
      'tags[0].key: at most 127 characters',
    ],
    [
      { action: 'filter', tags: [{ key: 'k', values: ['x', ' x'] }] },
      'tags[0].values[1]: duplicate value "x"',
    ],
    [{ action: 'filter', tags: [{ key: 'k' }] }, 'tags[0].values'],
    [{ action: 'filter', tags: [{ key: 'k', values: [], extra: 1 }] }, 'tags[0].extra: unknown field'],
    [{ action: 'filter', matches: [{ key: 'name', value: 'x' }] }, 'matches[0].key: must be "resource_name"'],
    [{ action: 'filter', not_tag: [{ key: 'env', values: [] }] }, 'not_tag: unknown field'],
    [[], 'body: must be a JSON object'],
    [null, 'body: must be a JSON object'],
    ['{"action": "filter",', 'body: not valid JSON'],
    ['', 'body: not valid JSON'],
  ])('answers 400 CSBS.9001 for %j', async (body, fragment) => {
    const res = await query(body === null ? 'null' : body);
    expect(res.status).toBe(400);
    expect(errorOf(res.body).error_code).toBe('CSBS.9001');
    expect(errorOf(res.body).error_msg).toContain(fragment);
  });

  it('ignores unknown top-level fields when not strict, but still checks the rest', async () => {
    const ok = await query({ action: 'count', not_tag: [], comment: 'x' }, lenient);
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ total_count: 10 });
    const bad = await query(
      { action: 'count', comment: 'x', tags: [{ key: 'k', values: [], x: 1 }] },
      lenient,
    );
    expect(bad.status).toBe(400);
    expect(errorOf(bad.body).error_msg).toContain('tags[0].x: unknown field');
  });

  it('logs each body as sent, secrets redacted, whether the answer is computed or kept', async () => {
    // Three times: answered, answered again (then kept), then from the cache unparsed.
    const body = { action: 'count', tags: [{ key: 'env', values: ['prod'] }], password: 'hunter2-logged' };
    for (let i = 0; i < 3; i++) expect((await query(body, lenient)).status).toBe(200);
    const logged = lenient
      .requestLog()
      .filter((entry) => entry.path === path)
      .slice(-3);
    expect(logged.map((entry) => entry.body)).toEqual(Array(3).fill({ ...body, password: '[REDACTED]' }));
    expect(JSON.stringify(logged)).not.toContain('hunter2');
  });
});
