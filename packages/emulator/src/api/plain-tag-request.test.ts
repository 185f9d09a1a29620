import { resourceInstancesRequestSchema } from '@csbs-kit/models';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainTagRequest } from './plain-tag-request.js';

const letters = fc.constantFrom('a', 'b', 'c', ' ', 'é');
const key = fc.string({ unit: letters, minLength: 1, maxLength: 6 }).filter((k) => k.trim().length > 0);
const value = fc.string({ unit: letters, maxLength: 6 });
const tag = fc.record({
  key,
  values: fc.uniqueArray(value, { selector: (v) => v.trim(), maxLength: 10 }),
});
const tagList = fc.uniqueArray(tag, { selector: (t) => t.key.trim(), minLength: 1, maxLength: 10 });
const validBody = fc.record(
  {
    action: fc.constantFrom('filter', 'count'),
    tags: tagList,
    tags_any: tagList,
    not_tags: tagList,
    not_tags_any: tagList,
    matches: fc.tuple(value).map(([v]) => [{ key: 'resource_name', value: v }]),
    limit: fc.integer({ min: 1, max: 1000 }).map(String),
    offset: fc.nat().map(String),
  },
  { requiredKeys: ['action'] },
);
// Near the limits and past them, and of the wrong shape: each put into one field of a valid body.
const long = (n: number, c = 'k') => c.repeat(n);
const edge = fc.constantFrom<unknown>(
  undefined,
  null,
  1,
  true,
  [],
  {},
  'x',
  '',
  '0',
  '1000',
  '1001',
  '99999',
  '9007199254740991',
  '9007199254740993',
  '1.5',
  '-1',
  ' 1',
  'filter',
  'count',
  [{ key: long(127), values: [long(255, 'v')] }],
  [{ key: ` ${long(127)} `, values: [` ${long(255, 'v')} `] }],
  [{ key: long(128), values: [] }],
  [{ key: 'a', values: [long(256, 'v')] }],
  [{ key: ' ', values: [] }],
  [{ key: 'a', values: ['b', ' b'] }],
  [
    { key: 'a', values: [] },
    { key: 'a ', values: [] },
  ],
  [{ key: 'a', values: Array.from({ length: 11 }, (_, i) => String(i)) }],
  Array.from({ length: 11 }, (_, i) => ({ key: String(i), values: [] })),
  [{ key: 'a', values: [], extra: 1 }],
  [{ key: 'a' }],
  [{ key: 1, values: [] }],
  [{ key: 'a', values: [1] }],
  [{ key: 'a', values: 'b' }],
  [{ key: 'resource_name', value: 'x' }],
  [{ key: 'resource_name', value: long(255) }],
  [{ key: 'resource_name', value: long(256) }],
  [{ key: 'name', value: 'x' }],
  [
    { key: 'resource_name', value: 'x' },
    { key: 'resource_name', value: 'y' },
  ],
  [{ key: 'resource_name', value: 1 }],
  [{ key: 'resource_name', value: 'x', more: 1 }],
);
const field = fc.constantFrom(
  'action',
  'tags',
  'tags_any',
  'not_tags',
  'not_tags_any',
  'matches',
  'limit',
  'offset',
  'other',
);
const bodies = fc
  .tuple(validBody, fc.array(fc.tuple(field, edge), { maxLength: 2 }))
  .map(([request, changes]) => {
    const out: Record<string, unknown> = { ...request };
    for (const [name, to] of changes) out[name] = to;
    return out;
  });

describe('plainTagRequest', () => {
  it('accepts only what the schema accepts, with the same data', () => {
    let accepted = 0;
    fc.assert(
      fc.property(bodies, (request) => {
        const plain = plainTagRequest(request);
        if (plain === undefined) return;
        accepted++;
        const parsed = resourceInstancesRequestSchema.safeParse(request);
        expect(parsed.success).toBe(true);
        expect(plain).toEqual(parsed.data);
      }),
      { numRuns: 3000 },
    );
    // Enough bodies pass the fast path for the comparison to mean something.
    expect(accepted).toBeGreaterThan(300);
  });

  it('accepts the bodies clients send, so the schema is not parsed for them', () => {
    const requests = [
      { action: 'filter', limit: '100', offset: '0', tags: [{ key: 'env', values: ['prod', 'dev'] }] },
      {
        action: 'filter',
        limit: '1000',
        offset: '400',
        tags: [{ key: 'env', values: ['prod'] }],
        tags_any: [
          { key: 'team', values: [] },
          { key: 'app', values: ['web'] },
        ],
        not_tags: [{ key: 'tier', values: ['gold'] }],
        not_tags_any: [{ key: 'owner', values: ['x'] }],
        matches: [{ key: 'resource_name', value: 'db-0' }],
      },
      {
        action: 'count',
        limit: '0',
        offset: '99999999999999999999',
        not_tags: [{ key: ' env ', values: [' a '] }],
      },
      { action: 'filter', tags: [{ key: ` ${'k'.repeat(127)} `, values: [` ${'v'.repeat(255)} `] }] },
    ];
    for (const request of requests) {
      expect(resourceInstancesRequestSchema.safeParse(request).success).toBe(true);
      expect(plainTagRequest(request)).toEqual(resourceInstancesRequestSchema.parse(request));
    }
  });

  it('leaves bodies with any doubt to the schema (duplicates after trimming, past a limit, unknown fields)', () => {
    for (const request of [
      { action: 'filter', tags: [{ key: 'env', values: ['a', ' a'] }] },
      {
        action: 'filter',
        tags: [
          { key: 'env', values: [] },
          { key: ' env', values: [] },
        ],
      },
      { action: 'filter', limit: '1001' },
      { action: 'filter', offset: '9007199254740993' },
      { action: 'filter', tags: [] },
      { action: 'filter', matches: [{ key: 'resource_name', value: 'x'.repeat(256) }] },
      { action: 'filter', sort: 'x' },
      { action: 'filter', tags: [{ key: 'k'.repeat(128), values: [] }] },
      { action: 'filter', tags: [{ key: 'env', values: ['v'.repeat(256)] }] },
    ])
      expect(plainTagRequest(request)).toBeUndefined();
  });
});
