import { describe, expect, it } from 'vitest';
import {
  checkpointItemSchema,
  countCheckpointItemsResponseSchema,
  listCheckpointItemsResponseSchema,
  resourceInstancesCountResponseSchema,
  resourceInstancesFilterResponseSchema,
  resourceSchema,
  resourceTagSchema,
} from '../src/index.js';
import { issuesOf } from './support.js';

const charset = 'only letters, digits, "-" and "_"';

describe('resourceTagSchema (a tag as stored on a backup)', () => {
  it.each<[string, unknown]>([
    ['a plain tag', { key: 'env', value: 'prod' }],
    ['an empty value', { key: 'env', value: '' }],
    ['every allowed character', { key: 'A-z_0-9', value: 'Zz-__-09' }],
    ['a 36-character key and a 43-character value', { key: 'k'.repeat(36), value: 'v'.repeat(43) }],
  ])('accepts %s', (_, input) => {
    expect(issuesOf(resourceTagSchema, input)).toEqual([]);
  });

  it.each<[string, unknown, string, string]>([
    ['an empty key', { key: '', value: 'x' }, 'key', 'must not be empty'],
    ['a 37-character key', { key: 'k'.repeat(37), value: 'x' }, 'key', 'at most 36 characters'],
    ['a 44-character value', { key: 'k', value: 'v'.repeat(44) }, 'value', 'at most 43 characters'],
    ['a space in the key', { key: 'a b', value: 'x' }, 'key', charset],
    ['a dot in the key', { key: 'a.b', value: 'x' }, 'key', charset],
    ['a non-ASCII letter in the value', { key: 'k', value: 'é' }, 'value', charset],
    ['a "*" in the value', { key: 'k', value: '*value1' }, 'value', charset],
    ['a missing value', { key: 'k' }, 'value', 'must be a string'],
    ['a numeric key', { key: 1, value: 'x' }, 'key', 'must be a string'],
    ['an unknown field', { key: 'k', value: 'x', extra: true }, 'extra', 'unknown field'],
  ])('rejects %s', (_, input, path, message) => {
    expect(issuesOf(resourceTagSchema, input)).toEqual([{ path, message }]);
  });
});

describe('checkpointItemSchema is lenient and keeps values as sent', () => {
  it.each<[string, Record<string, unknown>]>([
    ['only an id', { id: 'a' }],
    [
      'a live eu-de item without created_at, updated_at or tags',
      { id: 'a', name: 'bk', status: 'available', extend_info: { resource_az: 'eu-de-01' } },
    ],
    [
      'null for nullable fields',
      {
        id: 'a',
        name: null,
        description: null,
        periodic_type: null,
        expired_at: null,
        progress: null,
        tags: null,
        backup_data: null,
        extend_info: null,
        replication_records: null,
      },
    ],
    [
      'numeric strings where the pages say Integer',
      { id: 'a', backup_data: { ram: '4096', vcpus: '4', disk: '40' } },
    ],
    ['numbers where the other page says String', { id: 'a', backup_data: { ram: 4096, vcpus: 4, disk: 0 } }],
    [
      'floats where the pages say Integer',
      { id: 'a', extend_info: { average_speed: 28.1, volume_backups: [{ average_speed: 3.5, size: 1.25 }] } },
    ],
    ['the typo status "aviable"', { id: 'a', status: 'aviable' }],
    ['an undocumented status', { id: 'a', status: 'frozen' }],
    ['fail_code {}', { id: 'a', extend_info: { fail_code: {} } }],
    [
      'fail_code with a numeric Code',
      { id: 'a', extend_info: { fail_code: { Code: 6035, Description: null } } },
    ],
    ['fail_code null', { id: 'a', extend_info: { fail_code: null } }],
    ['copy_from null', { id: 'a', extend_info: { copy_from: null } }],
    ['copy_from ""', { id: 'a', extend_info: { copy_from: '' } }],
    ['an undocumented copy_status', { id: 'a', extend_info: { copy_status: 'paused' } }],
    ['periodic_type of any JSON type', { id: 'a', periodic_type: { every: 'day' } }],
    ['replication records of any shape', { id: 'a', replication_records: [{ region: 'eu-nl' }, 3] }],
    [
      'stored tags that break the storage rules',
      {
        id: 'a',
        tags: [
          { key: 'a b', value: null },
          { key: 'k'.repeat(40), value: 'é' },
        ],
      },
    ],
    [
      'null volume_backups and os_images_data',
      { id: 'a', extend_info: { volume_backups: null, os_images_data: null } },
    ],
    [
      'unknown fields at every level',
      {
        id: 'a',
        x: 1,
        tags: [{ key: 'k', value: 'v', x: 2 }],
        backup_data: { x: [3] },
        extend_info: {
          x: null,
          fail_code: { x: 'y' },
          volume_backups: [{ x: {} }],
          os_images_data: [{ x: 4 }],
        },
      },
    ],
  ])('accepts %s', (_, item) => {
    expect(checkpointItemSchema.parse(item)).toStrictEqual(item);
  });

  it.each<[string, unknown, string]>([
    ['a missing id', { name: 'bk' }, 'id'],
    ['a null id', { id: null }, 'id'],
    ['a non-object', 'bk', ''],
  ])('still requires the id: rejects %s', (_, item, path) => {
    expect(issuesOf(checkpointItemSchema, item).map((i) => i.path)).toEqual([path]);
  });
});

describe('the other response schemas', () => {
  it('a resource needs only its resource_id; resource_detail may be null', () => {
    const resource = { resource_id: 'r', resource_detail: null };
    expect(resourceSchema.parse(resource)).toStrictEqual(resource);
    expect(issuesOf(resourceSchema, { resource_name: 'x' }).map((i) => i.path)).toEqual(['resource_id']);
  });

  it.each<[string, { parse: (x: unknown) => unknown }, Record<string, unknown>]>([
    ['an empty filter page', resourceInstancesFilterResponseSchema, { resources: [], total_count: 0 }],
    [
      'a filter page with a sparse resource',
      resourceInstancesFilterResponseSchema,
      { resources: [{ resource_id: 'r', resource_name: null, tags: null }], total_count: 12, x: true },
    ],
    ['a count answer', resourceInstancesCountResponseSchema, { total_count: 1000 }],
    ['a listing count answer', countCheckpointItemsResponseSchema, { count: 3 }],
    [
      'a full listing page with its next link',
      listCheckpointItemsResponseSchema,
      {
        checkpoint_items: [{ id: 'a' }, { id: 'b' }],
        checkpoint_items_links: [{ rel: 'next', href: 'https://x/v1/p/checkpoint_items?limit=2&marker=b' }],
      },
    ],
    [
      'a listing page with a null links list',
      listCheckpointItemsResponseSchema,
      { checkpoint_items: [], checkpoint_items_links: null },
    ],
  ])('%s parses unchanged', (_, schema, body) => {
    expect(schema.parse(body)).toStrictEqual(body);
  });

  it('a listing without checkpoint_items is not a listing', () => {
    expect(issuesOf(listCheckpointItemsResponseSchema, { items: [] }).map((i) => i.path)).toEqual([
      'checkpoint_items',
    ]);
  });
});
