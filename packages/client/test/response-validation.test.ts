import {
  fieldIssuesOf,
  getCheckpointItemResponseSchema,
  listCheckpointItemsResponseSchema,
  resourceInstancesFilterResponseSchema,
} from '@csbs-kit/models';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { type CsbsClient, CsbsResponseValidationError } from '../src/index.js';
import { fixtures, item, useCleanups } from './support/fixtures.js';
import { sendJson } from './support/http-server.js';

/*
 * Responses are validated by a generated fast check (see models' response-check.ts), with
 * zod only for a body that fails it. Seen from the client: a valid page comes back exactly
 * as sent, and a broken one names the same field, with the same message, as zod alone did.
 */

const cleanups = useCleanups();
const { serve, client } = fixtures(cleanups);

/** Every lenient form the Decisions of docs/api.md allow, at every level. */
const oddItem = {
  id: 'odd',
  name: null,
  status: 'aviable',
  progress: '100',
  periodic_type: { every: 'day' },
  tags: [{ key: 'a b', value: null, x: 1 }],
  backup_data: { ram: '4096', vcpus: 4, disk: 0.5, x: [3] },
  extend_info: {
    fail_code: {},
    average_speed: 28.1,
    volume_backups: [{ size: '12', bootable: null, x: {} }],
    os_images_data: null,
    x: null,
  },
  replication_records: [{ region: 'eu-nl' }, 3],
  x_unknown: { nested: [1, 'two', null] },
};

const broken = { ...item('b'), extend_info: { volume_backups: [{ id: 'v', size: true }] } };

type Call = [string, z.ZodType, unknown, (c: CsbsClient) => Promise<unknown>, string];
const calls: Call[] = [
  [
    'a listing page',
    listCheckpointItemsResponseSchema,
    { checkpoint_items: [item('a'), broken] },
    (c) => c.listCheckpointItems(),
    'checkpoint_items[1].extend_info.volume_backups[0].size',
  ],
  [
    'one backup',
    getCheckpointItemResponseSchema,
    { checkpoint_item: broken },
    (c) => c.getCheckpointItem('b'),
    'checkpoint_item.extend_info.volume_backups[0].size',
  ],
  [
    'a tag-query page',
    resourceInstancesFilterResponseSchema,
    { resources: [{ resource_id: 'r', resource_detail: broken }], total_count: 1 },
    (c) => c.filterResources({ tags: [{ key: 'env', values: [] }] }),
    'resources[0].resource_detail.extend_info.volume_backups[0].size',
  ],
];

describe('response validation', () => {
  it('a valid page with every lenient form comes back exactly as sent', async () => {
    const body = { checkpoint_items: [item('a'), oddItem], checkpoint_items_links: null, extra: true };
    const server = await serve((_req, res) => sendJson(res, 200, body));
    const page = await client(server).listCheckpointItems();
    expect(page.checkpoint_items).toStrictEqual(body.checkpoint_items);
    expect(page.checkpoint_items_links).toBeNull();
  });

  it.each(calls)(
    'a wrong type deep inside %s is reported at its exact path, as zod reports it',
    async (_, schema, body, call, path) => {
      const server = await serve((_req, res) => sendJson(res, 200, body));
      const error = await call(client(server)).catch((e: unknown) => e);
      expect(CsbsResponseValidationError.isInstance(error)).toBe(true);
      const issues = (error as CsbsResponseValidationError).issues;
      expect(issues.map((i) => i.path)).toEqual([path]);
      const zod = schema.safeParse(body);
      expect(zod.success).toBe(false);
      expect(issues).toEqual(zod.success ? [] : fieldIssuesOf(zod.error));
    },
  );
});
