import {
  countCheckpointItemsQueryFromSearchParams,
  listCheckpointItemsQueryFromSearchParams,
  parseSort,
} from '@csbs-kit/models';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countQueryOf, listingQueryOf, sortOf } from './listing-query.js';

const names = [
  'status',
  'all_tenants',
  'name',
  'az',
  'resource_id',
  'resource_name',
  'start_time',
  'end_time',
  'image_type',
  'policy_id',
  'checkpoint_id',
  'resource_type',
  'limit',
  'marker',
  'sort',
  'offset',
  'unknown',
  '__proto__',
  'constructor',
];
// Values valid for some parameters and not for others, and near misses of each kind.
const values = fc.oneof(
  fc.constantFrom(
    '',
    'available',
    'Available',
    'error',
    'true',
    'FALSE',
    '1',
    '0',
    'yes',
    'constructor',
    '2025-01-02T03:04:05',
    '2025-01-02T03:04:05.123456',
    '2025-02-30T03:04:05',
    '2025-01-02T03:04:05Z',
    '10',
    '0010',
    '-1',
    '1.5',
    '99999999999999999999999',
    'name:asc',
    'created_at:desc,id:asc',
    'name:up',
    'nope',
  ),
  fc.string({ maxLength: 6 }),
);
const paramsArb = fc
  .array(fc.tuple(fc.constantFrom(...names), values), { maxLength: 6 })
  .map((pairs) => new URLSearchParams(pairs));

describe('listing query strings read without the schema where plainly valid (fast-check)', () => {
  it('answer what the models answer, keys in the same order', () => {
    fc.assert(
      fc.property(paramsArb, (params) => {
        const expected = listCheckpointItemsQueryFromSearchParams(params);
        const actual = listingQueryOf(params);
        expect(actual).toEqual(expected);
        expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
        const expectedCount = countCheckpointItemsQueryFromSearchParams(params);
        const actualCount = countQueryOf(params);
        expect(actualCount).toEqual(expectedCount);
        expect(JSON.stringify(actualCount)).toBe(JSON.stringify(expectedCount));
      }),
      { numRuns: 3000 },
    );
  });

  it('a typical listing', () => {
    const params = new URLSearchParams(
      'limit=100&name=AlBk&status=available&sort=name%3Adesc&marker=abc&offset=3&start_time=2025-01-02T03:04:05',
    );
    expect(listingQueryOf(params)).toEqual({
      ok: true,
      query: {
        status: 'available',
        name: 'AlBk',
        start_time: '2025-01-02T03:04:05',
        limit: 100,
        marker: 'abc',
        sort: 'name:desc',
        offset: 3,
      },
    });
  });
});

describe('sortOf, parseSort remembered (fast-check)', () => {
  const sortTexts = fc.oneof(
    fc.constantFrom('name:asc', 'created_at:desc,id:asc', 'name:up', 'nope', '', 'id'),
    fc.string({ maxLength: 12 }),
    fc
      .array(
        fc.tuple(fc.constantFrom('name', 'created_at', 'id', 'x'), fc.constantFrom(':asc', ':desc', '')),
        {
          maxLength: 3,
        },
      )
      .map((pairs) => pairs.map(([key, direction]) => key + direction).join(',')),
  );

  it('answers what parseSort answers, the first time and every time after, past its memory', () => {
    fc.assert(
      fc.property(fc.array(sortTexts, { minLength: 1, maxLength: 600 }), (texts) => {
        for (const text of [...texts, ...texts]) expect(sortOf(text)).toEqual(parseSort(text));
      }),
      { numRuns: 50 },
    );
  });
});
