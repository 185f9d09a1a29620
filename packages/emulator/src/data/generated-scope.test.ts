import type { CheckpointItem, CountCheckpointItemsQuery, SortField } from '@csbs-kit/models';
import { sortKeys } from '@csbs-kit/models';
import { validateTagQuery } from '@csbs-kit/tag-query';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoCredentials } from '../demo-credentials.js';
import { StoredItems } from '../store/item-rows.js';
import { ItemScope } from '../store/item-scope.js';
import { generateEmulatorData } from './generate-data.js';
import { GeneratedItems } from './generated-items.js';

// Generated rows take the build's fast paths (coded columns, radix-sorted times, a tag
// index told its order); the same backups as JSON take the general ones. Both must answer
// every request alike. 3000 rows: past the size where text ranks switch to prefix keys.
const count = 3000;
const items: CheckpointItem[] = generateEmulatorData({ count, seed: 5, projects: 1 }).projects[
  demoCredentials.projectId
]!.checkpoint_items.map((item) => JSON.parse(JSON.stringify(item)) as CheckpointItem);
const generated = new ItemScope(new GeneratedItems(count, 5));
const stored = new ItemScope(new StoredItems(items));

const pick = <T>(read: (item: CheckpointItem) => T) =>
  fc.constantFrom(...new Set(items.slice(0, 400).map(read)));
const filterArb: fc.Arbitrary<CountCheckpointItemsQuery> = fc.record(
  {
    status: fc.constantFrom('available', 'error', 'deleting'),
    resource_id: pick((item) => item.resource_id!),
    checkpoint_id: pick((item) => item.checkpoint_id!),
    policy_id: pick((item) => item.policy_id ?? ''),
    az: fc.constantFrom('eu-de-01', 'eu-de-02', 'eu-de-03'),
    image_type: fc.constantFrom('backup', 'other'),
    resource_type: fc.constantFrom('OS::Nova::Server', 'OS::Cinder::Volume'),
    name: fc.constantFrom('auto', 'bk_a', 'MANUAL', '0f'),
    resource_name: fc.constantFrom('web', 'db-0', '1'),
    start_time: pick((item) => item.created_at!),
    end_time: pick((item) => item.updated_at!),
  },
  { requiredKeys: [] },
);
const sortArb: fc.Arbitrary<SortField[]> = fc.array(
  fc.record({
    key: fc.constantFrom(...sortKeys),
    direction: fc.constantFrom('asc' as const, 'desc' as const),
  }),
  { minLength: 1, maxLength: 3 },
);

describe('generated rows answer as the same backups given as JSON', () => {
  it('listing pages and counts (fast-check)', () => {
    fc.assert(
      fc.property(
        filterArb,
        sortArb,
        fc.option(fc.nat({ max: count - 1 }), { nil: undefined }),
        fc.nat({ max: 200 }),
        fc.integer({ min: 1, max: 100 }),
        (query, sort, markerAt, offset, limit) => {
          const marker = markerAt === undefined ? undefined : items[markerAt]!.id;
          const request = { query, sort, marker, offset, limit };
          const left = generated.listPage(request) as number[];
          const right = stored.listPage(request) as number[];
          expect(left.map((row) => generated.rows.idAt(row))).toEqual(
            right.map((row) => stored.rows.idAt(row)),
          );
          expect(generated.count(query)).toBe(stored.count(query));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('tag-query pages and totals (fast-check)', () => {
    const entry = fc.record({
      key: fc.constantFrom('env', 'team', 'tier', 'legacy'),
      values: fc.uniqueArray(fc.constantFrom('prod', 'dev', 'staging', 'web', ''), { maxLength: 2 }),
    });
    const queryArb = fc
      .record(
        {
          tags: fc.uniqueArray(entry, { selector: (e) => e.key, minLength: 1, maxLength: 2 }),
          not_tags_any: fc.array(entry, { minLength: 1, maxLength: 1 }),
          matches: fc.tuple(
            fc.record({ key: fc.constant('resource_name'), value: fc.constantFrom('web', '0', 'db') }),
          ),
        },
        { requiredKeys: [] },
      )
      .map((raw) => validateTagQuery(raw));
    fc.assert(
      fc.property(queryArb, fc.nat({ max: 300 }), fc.integer({ min: 1, max: 50 }), (query, offset, limit) => {
        const left = generated.tagQueryPage(query, offset, limit);
        const right = stored.tagQueryPage(query, offset, limit);
        expect(left.total).toBe(right.total);
        expect(left.rows.map((row) => generated.rows.idAt(row))).toEqual(
          right.rows.map((row) => stored.rows.idAt(row)),
        );
      }),
      { numRuns: 200 },
    );
  });
});
