import { startEmulator } from '@csbs-kit/emulator';
import { type CheckpointItem, checkpointStatuses } from '@csbs-kit/models';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsbsClient, type ListCheckpointItemsQuery } from '../src/index.js';

const names = ['web-a', 'web-b', 'db-main', 'DB-replica', 'cache', 'batch'];
const azs = ['eu-de-01', 'eu-de-02'];

/** Items with deliberate ties in created_at and name, so sorting leans on the id tie-break. */
const itemsArb = fc
  .array(
    fc.record({
      name: fc.constantFrom(...names),
      status: fc.constantFrom(...checkpointStatuses),
      minute: fc.integer({ min: 0, max: 20 }),
      az: fc.constantFrom(...azs),
      env: fc.constantFrom('prod', 'dev'),
    }),
    { maxLength: 260, size: 'max' },
  )
  .map((rows) =>
    rows.map(
      (row, i): CheckpointItem => ({
        id: `id-${String(i).padStart(4, '0')}`,
        name: row.name,
        status: row.status,
        created_at: `2026-01-01T10:${String(row.minute).padStart(2, '0')}:00`,
        updated_at: `2026-01-01T11:${String(row.minute).padStart(2, '0')}:00`,
        tags: [{ key: 'env', value: row.env }],
        extend_info: { resource_az: row.az, resource_name: `${row.name}-server` },
      }),
    ),
  );

const filterArb: fc.Arbitrary<ListCheckpointItemsQuery> = fc.record(
  {
    status: fc.constantFrom(...checkpointStatuses),
    name: fc.constantFrom('web', 'db', 'a', 'zzz'),
    az: fc.constantFrom(...azs),
    sort: fc.constantFrom(
      'created_at:desc',
      'name:asc',
      'name:desc,created_at:asc',
      'status,updated_at:asc',
      'id:asc',
    ),
    start_time: fc.constant('2026-01-01T10:05:00'),
  },
  { requiredKeys: [] },
);

describe('paginateCheckpointItems (property, against the emulator)', () => {
  it('yields exactly what one unpaged query returns, for random data, page sizes and filters', async () => {
    await using emulator = await startEmulator();
    await using client = new CsbsClient({
      projectId: 'prop-project',
      endpoint: emulator.url,
      credentials: { token: 'prop-token' },
    });
    let multiPage = 0;
    await fc.assert(
      fc.asyncProperty(
        itemsArb,
        filterArb,
        fc.integer({ min: 1, max: 10 }),
        async (items, filter, pageSize) => {
          emulator.load({
            projects: { 'prop-project': { checkpoint_items: items } },
            credentials: [{ token: 'prop-token', project_id: 'prop-project' }],
          });
          const params = { ...filter };
          const unpaged = await client.listCheckpointItems({ ...filter, limit: 1000 });
          const paged: string[] = [];
          for await (const item of client.paginateCheckpointItems({ ...params, limit: pageSize }))
            paged.push(item.id);
          expect(paged).toEqual(unpaged.checkpoint_items.map((i) => i.id));
          expect(params).toEqual(filter);
          if (paged.length > pageSize) multiPage++;
        },
      ),
      { numRuns: 50 },
    );
    // The generator must reach the interesting case: walks that span several pages.
    expect(multiPage).toBeGreaterThan(2);
  });
});
