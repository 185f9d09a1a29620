import type { CheckpointItem } from '@csbs-kit/models';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCredentials as demo } from '../src/demo-credentials.js';
import { generateEmulatorData, type RunningEmulator, startEmulator } from '../src/index.js';
import { get, ids } from './http.js';

const count = 1500;
const seed = 3;
const items = generateEmulatorData({ count, seed }).projects[demo.projectId]!.checkpoint_items;
let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator({ generate: { count, seed } });
});
afterAll(() => emu.close());

// An independent model of the Decisions: missing values are "", the id breaks ties in the
// direction of the last key, and the generated times are already in one normal form.
type Field = {
  key: 'created_at' | 'updated_at' | 'name' | 'status' | 'protected_at' | 'id';
  dir: 'asc' | 'desc';
};
const sortValue = (item: CheckpointItem, key: Field['key']) => String(item[key] ?? '');

function referenceOrder(list: readonly CheckpointItem[], fields: Field[]): string[] {
  const all = fields.some((f) => f.key === 'id')
    ? fields
    : [...fields, { key: 'id' as const, dir: fields.at(-1)!.dir }];
  return [...list]
    .sort((a, b) => {
      for (const f of all) {
        const x = sortValue(a, f.key);
        const y = sortValue(b, f.key);
        if (x !== y) return (x < y ? -1 : 1) * (f.dir === 'asc' ? 1 : -1);
      }
      return 0;
    })
    .map((i) => i.id);
}

/** Follows `next` links from the first page to the end; returns every id in order. */
async function walk(query: string): Promise<{ ids: string[]; pages: number }> {
  const seen: string[] = [];
  let url: string | undefined = `${emu.url}/v1/${demo.projectId}/checkpoint_items?${query}`;
  let pages = 0;
  while (url) {
    const res = await get(url, demo.token);
    expect(res.status).toBe(200);
    seen.push(...ids(res.body));
    pages++;
    url = (res.body as { checkpoint_items_links?: { href: string }[] }).checkpoint_items_links?.[0]?.href;
    expect(pages).toBeLessThan(1000);
  }
  return { ids: seen, pages };
}

const sorts: Field[][] = [
  ...(['created_at', 'updated_at', 'name', 'status', 'protected_at', 'id'] as const).flatMap((key) =>
    (['asc', 'desc'] as const).map((dir) => [{ key, dir }]),
  ),
  [
    { key: 'status', dir: 'asc' },
    { key: 'name', dir: 'desc' },
  ],
  [
    { key: 'name', dir: 'desc' },
    { key: 'created_at', dir: 'asc' },
  ],
];

describe('paging walks', () => {
  it.each(sorts.map((s) => [s.map((f) => `${f.key}:${f.dir}`).join(','), s] as const))(
    'visits every backup exactly once in order under sort=%s',
    async (sort, fields) => {
      const { ids: seen, pages } = await walk(`sort=${sort}&limit=400`);
      expect(pages).toBe(4);
      expect(new Set(seen).size).toBe(count);
      expect(seen).toEqual(referenceOrder(items, fields));
    },
  );

  it('serves a limit above 1000 as 1000', async () => {
    const res = await get(`${emu.url}/v1/${demo.projectId}/checkpoint_items?limit=5000`, demo.token);
    expect(ids(res.body)).toHaveLength(1000);
    // Past 2^53 too: still digits, still "more than a page".
    const huge = await get(
      `${emu.url}/v1/${demo.projectId}/checkpoint_items?limit=99999999999999999999`,
      demo.token,
    );
    expect(huge.status).toBe(200);
    expect(ids(huge.body)).toHaveLength(1000);
    expect(res.body).toHaveProperty('checkpoint_items_links');
  });

  it('matches the model for random filters, sorts and page sizes (fast-check)', async () => {
    const field = fc.record({
      key: fc.constantFrom('created_at', 'updated_at', 'name', 'status', 'protected_at', 'id'),
      dir: fc.constantFrom('asc', 'desc'),
    }) as fc.Arbitrary<Field>;
    const filters = fc.record(
      {
        status: fc.constantFrom('available', 'error', 'deleted'),
        az: fc.constantFrom('eu-de-01', 'eu-de-02'),
        name: fc.constantFrom('AUTO', 'manualbk_', 'a', '_0'),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(field, { minLength: 1, maxLength: 3, selector: (f) => f.key }),
        filters,
        fc.integer({ min: 5, max: 700 }),
        fc.nat({ max: 5 }),
        async (fields, filter, limit, offset) => {
          const matching = items.filter(
            (i) =>
              (filter.status === undefined || i.status === filter.status) &&
              (filter.az === undefined || i.extend_info?.resource_az === filter.az) &&
              (filter.name === undefined || i.name!.toLowerCase().includes(filter.name.toLowerCase())),
          );
          const expected = referenceOrder(matching, fields).slice(offset);
          const params = new URLSearchParams({
            ...filter,
            sort: fields.map((f) => `${f.key}:${f.dir}`).join(','),
            limit: String(limit),
            offset: String(offset),
          });
          const { ids: seen } = await walk(params.toString());
          expect(seen).toEqual(expected);
          const counted = await get(
            `${emu.url}/v1/${demo.projectId}/checkpoint_items/count?${new URLSearchParams(filter)}`,
            demo.token,
          );
          expect(counted.body).toEqual({ count: matching.length });
        },
      ),
      { numRuns: 25 },
    );
  });
});
