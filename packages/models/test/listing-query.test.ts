import { describe, expect, it } from 'vitest';
import {
  checkpointStatuses,
  countCheckpointItemsQuerySchema,
  formatSort,
  isListingTime,
  listCheckpointItemsQuerySchema,
  parseSort,
  type SortField,
} from '../src/index.js';
import { issuesOf } from './support.js';

const timeMessage = 'must be a time like 2017-04-18T01:21:52.701973 (UTC, no zone)';
const statusMessage =
  'must be one of waiting_protect, protecting, available, waiting_restore, restoring, error, waiting_delete, deleting, deleted';

describe('listCheckpointItemsQuerySchema', () => {
  it.each([
    'waiting_protect',
    'protecting',
    'available',
    'waiting_restore',
    'restoring',
    'error',
    'waiting_delete',
    'deleting',
    'deleted',
  ])('accepts status %s', (status) => {
    expect(issuesOf(listCheckpointItemsQuerySchema, { status })).toEqual([]);
  });

  it('knows exactly the nine documented statuses', () => {
    expect([...checkpointStatuses].sort()).toEqual(
      [
        'available',
        'deleted',
        'deleting',
        'error',
        'protecting',
        'restoring',
        'waiting_delete',
        'waiting_protect',
        'waiting_restore',
      ].sort(),
    );
  });

  it.each<[string, Record<string, unknown>]>([
    ['no parameters', {}],
    ['limit 1', { limit: 1 }],
    ['limit above the page cap (served as 1000, not refused)', { limit: 5000 }],
    ['offset 0', { offset: 0 }],
    ['offset 250', { offset: 250 }],
    ['a marker', { marker: '90c1d5fa-1b9f-4aeb-b2f4-81c806e98190' }],
    ['all_tenants', { all_tenants: true }],
    ['a sort', { sort: 'created_at:asc,name' }],
    ['both time bounds', { start_time: '2017-04-18T01:21:52.701973', end_time: '2017-04-19T00:00:00' }],
    [
      'every string filter',
      {
        name: 'backup',
        az: 'eu-de-01',
        resource_id: 'r',
        resource_name: 'ecs',
        image_type: 'backup',
        policy_id: 'p',
        checkpoint_id: 'c',
        resource_type: 'OS::Nova::Server',
      },
    ],
  ])('accepts %s', (_, query) => {
    expect(issuesOf(listCheckpointItemsQuerySchema, query)).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['the page typo "aviable"', { status: 'aviable' }, 'status', statusMessage],
    ['an upper-case status', { status: 'AVAILABLE' }, 'status', statusMessage],
    ['limit 0', { limit: 0 }, 'limit', 'must be positive'],
    ['a negative limit', { limit: -5 }, 'limit', 'must be positive'],
    ['a fractional limit', { limit: 2.5 }, 'limit', 'must be a whole number'],
    ['a string limit', { limit: '10' }, 'limit', 'must be a number'],
    ['a negative offset', { offset: -1 }, 'offset', 'must not be negative'],
    ['a fractional offset', { offset: 0.5 }, 'offset', 'must be a whole number'],
    ['an empty marker', { marker: '' }, 'marker', 'must not be empty'],
    ['a string all_tenants', { all_tenants: 'true' }, 'all_tenants', 'must be true or false'],
    ['a numeric name', { name: 5 }, 'name', 'must be a string'],
    ['an invalid start_time', { start_time: '2017-02-29T00:00:00' }, 'start_time', timeMessage],
    ['an invalid end_time', { end_time: '2017-04-18' }, 'end_time', timeMessage],
    [
      'an unknown sort key',
      { sort: 'size' },
      'sort',
      'unknown sort key "size" (expected one of created_at, updated_at, name, status, protected_at, id)',
    ],
    ['an unknown field', { page: 2 }, 'page', 'unknown field'],
  ])('rejects %s', (_, query, path, message) => {
    expect(issuesOf(listCheckpointItemsQuerySchema, query)).toEqual([{ path, message }]);
  });

  it('the count query takes the filters but not the paging parameters', () => {
    expect(issuesOf(countCheckpointItemsQuerySchema, { status: 'error', name: 'x' })).toEqual([]);
    expect(
      issuesOf(countCheckpointItemsQuerySchema, { limit: 1, marker: 'm', sort: 'id', offset: 0 }),
    ).toEqual([
      { path: 'limit', message: 'unknown field' },
      { path: 'marker', message: 'unknown field' },
      { path: 'sort', message: 'unknown field' },
      { path: 'offset', message: 'unknown field' },
    ]);
  });
});

const f = (key: SortField['key'], direction: SortField['direction']): SortField => ({ key, direction });

describe('parseSort', () => {
  it.each<[string, SortField[]]>([
    ['created_at', [f('created_at', 'desc')]],
    ['created_at:asc', [f('created_at', 'asc')]],
    ['name:desc,id:asc', [f('name', 'desc'), f('id', 'asc')]],
    [
      'status,updated_at:asc,protected_at',
      [f('status', 'desc'), f('updated_at', 'asc'), f('protected_at', 'desc')],
    ],
    [
      'created_at,updated_at,name,status,protected_at,id',
      ['created_at', 'updated_at', 'name', 'status', 'protected_at', 'id'].map((k) =>
        f(k as SortField['key'], 'desc'),
      ),
    ],
    [' name : asc , id ', [f('name', 'asc'), f('id', 'desc')]],
    [`${' '.repeat(251)}name`, [f('name', 'desc')]],
  ])('reads %j', (sort, fields) => {
    expect(parseSort(sort)).toEqual({ ok: true, fields });
  });

  it.each<[string, string]>([
    ['', 'must name at least one sort key'],
    ['   ', 'must name at least one sort key'],
    [
      'size',
      'unknown sort key "size" (expected one of created_at, updated_at, name, status, protected_at, id)',
    ],
    [
      'Name',
      'unknown sort key "Name" (expected one of created_at, updated_at, name, status, protected_at, id)',
    ],
    [
      'name,,id',
      'unknown sort key "" (expected one of created_at, updated_at, name, status, protected_at, id)',
    ],
    ['name:up', 'unknown sort direction "up" for name (expected asc or desc)'],
    ['name:ASC', 'unknown sort direction "ASC" for name (expected asc or desc)'],
    ['name:asc:desc', '"name:asc:desc" is not key[:asc|desc]'],
    ['name,name:asc', 'sort key "name" given twice'],
    ['id:asc,created_at,id', 'sort key "id" given twice'],
    [`${' '.repeat(252)}name`, 'at most 255 characters'],
  ])('rejects %j', (sort, message) => {
    expect(parseSort(sort)).toEqual({ ok: false, message });
  });

  it('formatSort writes every direction explicitly', () => {
    expect(formatSort([f('name', 'asc'), f('id', 'desc')])).toBe('name:asc,id:desc');
    expect(formatSort([])).toBe('');
  });
});

describe('isListingTime', () => {
  it.each([
    '2017-04-18T01:21:52.701973',
    '2017-04-18T01:21:52',
    '2017-04-18T01:21:52.7',
    '2016-02-29T23:59:59',
    '2000-02-29T00:00:00',
    '2017-12-31T23:59:59.999999',
    '1970-01-01T00:00:00',
    '0050-06-15T12:00:00',
  ])('accepts %s', (text) => {
    expect(isListingTime(text)).toBe(true);
  });

  it.each([
    ['a fraction of 7 digits', '2017-04-18T01:21:52.1234567'],
    ['an empty fraction', '2017-04-18T01:21:52.'],
    ['a Z zone', '2017-04-18T01:21:52Z'],
    ['an offset zone', '2017-04-18T01:21:52+01:00'],
    ['a space instead of T', '2017-04-18 01:21:52'],
    ['a date alone', '2017-04-18'],
    ['minutes alone', '2017-04-18T01:21'],
    ['one-digit month', '2017-4-18T01:21:52'],
    ['February 29 of a common year', '2017-02-29T00:00:00'],
    ['February 29 of 1900', '1900-02-29T00:00:00'],
    ['April 31', '2017-04-31T00:00:00'],
    ['month 13', '2017-13-01T00:00:00'],
    ['month 00', '2017-00-10T00:00:00'],
    ['day 00', '2017-01-00T00:00:00'],
    ['hour 24', '2017-01-01T24:00:00'],
    ['minute 60', '2017-01-01T23:60:00'],
    ['second 60', '2017-01-01T23:59:60'],
    ['surrounding spaces', ' 2017-04-18T01:21:52'],
  ])('rejects %s', (_, text) => {
    expect(isListingTime(text)).toBe(false);
  });
});
