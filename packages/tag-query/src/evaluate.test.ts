import type { TagQuery } from '@csbs-kit/models';
import { describe, expect, it } from 'vitest';
import { matchesTagQuery, type TaggedResource } from './evaluate.js';
import { nameMatches } from './name-match.js';

const backup: TaggedResource = {
  name: 'Web-Server-01',
  tags: [
    { key: 'env', value: 'prod' },
    { key: 'tier', value: 'web' },
    { key: 'owner', value: '' },
    { key: 'star', value: '*value1' },
  ],
};

// Each row: the query, whether `backup` above matches it, and why.
const cases: [string, TagQuery, boolean][] = [
  ['the empty query matches everything', {}, true],
  ['tags: key present', { tags: [{ key: 'env', values: [] }] }, true],
  ['tags: key absent', { tags: [{ key: 'team', values: [] }] }, false],
  ['tags: value in list (OR)', { tags: [{ key: 'env', values: ['dev', 'prod'] }] }, true],
  ['tags: value not in list', { tags: [{ key: 'env', values: ['dev', 'test'] }] }, false],
  ['tags: values compare case-sensitively', { tags: [{ key: 'env', values: ['Prod'] }] }, false],
  ['tags: keys compare case-sensitively', { tags: [{ key: 'Env', values: [] }] }, false],
  [
    'tags: ALL entries hold',
    {
      tags: [
        { key: 'env', values: ['prod'] },
        { key: 'tier', values: ['web'] },
      ],
    },
    true,
  ],
  [
    'tags: one entry fails',
    {
      tags: [
        { key: 'env', values: ['prod'] },
        { key: 'tier', values: ['db'] },
      ],
    },
    false,
  ],
  ['tags: the empty string matches an empty value', { tags: [{ key: 'owner', values: [''] }] }, true],
  ['tags: the empty string does not match a set value', { tags: [{ key: 'env', values: [''] }] }, false],
  ['tags: `*` is literal, not a wildcard', { tags: [{ key: 'star', values: ['*value1'] }] }, true],
  ['tags: `*` does not match other values', { tags: [{ key: 'env', values: ['*'] }] }, false],
  [
    'tags: a key longer than stored keys never matches',
    { tags: [{ key: 'e'.repeat(100), values: [] }] },
    false,
  ],
  [
    'tags_any: one entry holds',
    {
      tags_any: [
        { key: 'team', values: [] },
        { key: 'tier', values: ['web'] },
      ],
    },
    true,
  ],
  [
    'tags_any: no entry holds',
    {
      tags_any: [
        { key: 'team', values: [] },
        { key: 'tier', values: ['db'] },
      ],
    },
    false,
  ],
  [
    'not_tags: ALL entries hold → excluded',
    {
      not_tags: [
        { key: 'env', values: ['prod'] },
        { key: 'tier', values: [] },
      ],
    },
    false,
  ],
  [
    'not_tags: one entry fails → kept',
    {
      not_tags: [
        { key: 'env', values: ['prod'] },
        { key: 'team', values: [] },
      ],
    },
    true,
  ],
  [
    'not_tags_any: ANY entry holds → excluded',
    {
      not_tags_any: [
        { key: 'team', values: [] },
        { key: 'env', values: ['prod'] },
      ],
    },
    false,
  ],
  [
    'not_tags_any: no entry holds → kept',
    {
      not_tags_any: [
        { key: 'team', values: [] },
        { key: 'env', values: ['dev'] },
      ],
    },
    true,
  ],
  ['not_tags_any: key present excludes', { not_tags_any: [{ key: 'owner', values: [] }] }, false],
  ['matches: case-insensitive substring', { matches: [{ key: 'resource_name', value: 'server' }] }, true],
  ['matches: the whole name', { matches: [{ key: 'resource_name', value: 'WEB-SERVER-01' }] }, true],
  ['matches: not a substring', { matches: [{ key: 'resource_name', value: 'db' }] }, false],
  [
    'matches: empty value is exact (name is not empty)',
    { matches: [{ key: 'resource_name', value: '' }] },
    false,
  ],
  [
    'all lists at once',
    {
      tags: [{ key: 'env', values: ['prod'] }],
      tags_any: [{ key: 'tier', values: ['web', 'db'] }],
      not_tags: [
        { key: 'env', values: ['prod'] },
        { key: 'team', values: [] },
      ],
      not_tags_any: [{ key: 'legacy', values: [] }],
      matches: [{ key: 'resource_name', value: '-01' }],
    },
    true,
  ],
];

describe('matchesTagQuery', () => {
  it.each(cases)('%s', (_, query, expected) => {
    expect(matchesTagQuery(query, backup)).toBe(expected);
  });

  it('treats missing tags as no tags and a missing name as ""', () => {
    expect(matchesTagQuery({ not_tags_any: [{ key: 'env', values: [] }] }, {})).toBe(true);
    expect(matchesTagQuery({ tags: [{ key: 'env', values: [] }] }, { tags: null })).toBe(false);
    expect(matchesTagQuery({ matches: [{ key: 'resource_name', value: '' }] }, { name: null })).toBe(true);
    expect(matchesTagQuery({ matches: [{ key: 'resource_name', value: 'a' }] }, {})).toBe(false);
  });

  it('treats a tag without value as the value ""', () => {
    const resource = { tags: [{ key: 'env', value: null }] };
    expect(matchesTagQuery({ tags: [{ key: 'env', values: [''] }] }, resource)).toBe(true);
    expect(matchesTagQuery({ tags: [{ key: 'env', values: ['x'] }] }, resource)).toBe(false);
  });
});

describe('nameMatches', () => {
  const rows: [string, string | null | undefined, boolean][] = [
    ['', '', true],
    ['', undefined, true],
    ['', 'a', false],
    ['a', '', false],
    ['DB', 'my-db-1', true],
    ['my-DB-1', 'MY-db-1', true],
    ['db-2', 'my-db-1', false],
    ['%', 'a%b', true],
    ['.*', 'abc', false],
  ];
  it.each(rows)('value %j on name %j → %s', (value, name, expected) => {
    expect(nameMatches(value, name)).toBe(expected);
  });
});
