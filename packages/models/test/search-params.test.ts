import { describe, expect, it } from 'vitest';
import {
  checkpointItemsQueryToSearchParams,
  countCheckpointItemsQueryFromSearchParams,
  listCheckpointItemsQueryFromSearchParams,
} from '../src/index.js';

const list = (search: string) => listCheckpointItemsQueryFromSearchParams(new URLSearchParams(search));

describe('listCheckpointItemsQueryFromSearchParams', () => {
  it.each<[string, Record<string, unknown>]>([
    ['', {}],
    ['limit=10&offset=0', { limit: 10, offset: 0 }],
    ['all_tenants=true', { all_tenants: true }],
    ['all_tenants=TRUE', { all_tenants: true }],
    ['all_tenants=1', { all_tenants: true }],
    ['all_tenants=False', { all_tenants: false }],
    ['all_tenants=0', { all_tenants: false }],
    ['status=available&sort=name:asc,id', { status: 'available', sort: 'name:asc,id' }],
    ['name=my+backup&resource_name=%E4%B8%80', { name: 'my backup', resource_name: '一' }],
    ['name=', { name: '' }],
    ['start_time=2017-04-18T01:21:52.701973', { start_time: '2017-04-18T01:21:52.701973' }],
    ['foo=bar&limit=5&__proto__=x', { limit: 5 }],
    ['limit=5&limit=7', { limit: 5 }],
    // Past 2^53 the digits still mean "more than a page": served as the cap, not refused.
    ['limit=99999999999999999999', { limit: Number.MAX_SAFE_INTEGER }],
    [
      'limit=9007199254740993&offset=123456789012345678901234567890',
      {
        limit: Number.MAX_SAFE_INTEGER,
        offset: Number.MAX_SAFE_INTEGER,
      },
    ],
    ['marker=abc&az=eu-de-01', { marker: 'abc', az: 'eu-de-01' }],
  ])('reads %j', (search, query) => {
    expect(list(search)).toEqual({ ok: true, query });
  });

  it.each<[string, { path: string; message: string }[]]>([
    ['limit=abc', [{ path: 'limit', message: 'must be a whole number' }]],
    ['limit=-1', [{ path: 'limit', message: 'must be a whole number' }]],
    ['limit=1.5', [{ path: 'limit', message: 'must be a whole number' }]],
    ['limit=', [{ path: 'limit', message: 'must be a whole number' }]],
    ['limit=0', [{ path: 'limit', message: 'must be positive' }]],
    ['offset=x', [{ path: 'offset', message: 'must be a whole number' }]],
    ['all_tenants=yes', [{ path: 'all_tenants', message: 'must be true or false' }]],
    ['all_tenants=', [{ path: 'all_tenants', message: 'must be true or false' }]],
    [
      'limit=x&all_tenants=maybe',
      [
        { path: 'limit', message: 'must be a whole number' },
        { path: 'all_tenants', message: 'must be true or false' },
      ],
    ],
    [
      'status=aviable',
      [
        {
          path: 'status',
          message:
            'must be one of waiting_protect, protecting, available, waiting_restore, restoring, error, waiting_delete, deleting, deleted',
        },
      ],
    ],
    [
      'sort=name:up',
      [{ path: 'sort', message: 'unknown sort direction "up" for name (expected asc or desc)' }],
    ],
    [
      'end_time=2017-04-31T00:00:00',
      [{ path: 'end_time', message: 'must be a time like 2017-04-18T01:21:52.701973 (UTC, no zone)' }],
    ],
    ['marker=', [{ path: 'marker', message: 'must not be empty' }]],
  ])('rejects %j', (search, issues) => {
    expect(list(search)).toEqual({ ok: false, issues });
  });
});

describe('countCheckpointItemsQueryFromSearchParams', () => {
  it('reads the filters and ignores the paging parameters', () => {
    expect(
      countCheckpointItemsQueryFromSearchParams(
        new URLSearchParams('status=error&limit=5&marker=m&all_tenants=1'),
      ),
    ).toEqual({ ok: true, query: { status: 'error', all_tenants: true } });
  });

  it('names a bad filter', () => {
    expect(countCheckpointItemsQueryFromSearchParams(new URLSearchParams('start_time=yesterday'))).toEqual({
      ok: false,
      issues: [
        { path: 'start_time', message: 'must be a time like 2017-04-18T01:21:52.701973 (UTC, no zone)' },
      ],
    });
  });
});

describe('checkpointItemsQueryToSearchParams', () => {
  it('writes every defined parameter in order and leaves undefined ones out', () => {
    const params = checkpointItemsQueryToSearchParams({
      limit: 10,
      all_tenants: false,
      name: 'a b&c',
      sort: undefined,
      marker: 'm',
    });
    expect(params.toString()).toBe('limit=10&all_tenants=false&name=a+b%26c&marker=m');
  });

  it('writes nothing for an empty query', () => {
    expect(checkpointItemsQueryToSearchParams({}).toString()).toBe('');
  });
});
