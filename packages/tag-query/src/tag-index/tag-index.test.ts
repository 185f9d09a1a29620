import type { TagQuery } from '@csbs-kit/models';
import { describe, expect, it } from 'vitest';
import { TagIndexPageError } from '../errors.js';
import { type IndexedBackup, TagIndex } from './tag-index.js';

const b = (
  id: string,
  created_at: string | undefined,
  tags: [string, string][] = [],
  name?: string,
): IndexedBackup => ({
  id,
  created_at,
  name,
  tags: tags.map(([key, value]) => ({ key, value })),
});

// Hand-ordered fixture: the expected answer order is written out below, not computed.
const backups = [
  b(
    'b1',
    '2024-01-01T00:00:00',
    [
      ['env', 'prod'],
      ['tier', 'web'],
    ],
    'web-01',
  ),
  b(
    'b2',
    '2024-01-03T00:00:00',
    [
      ['env', 'dev'],
      ['tier', 'web'],
    ],
    'web-02',
  ),
  b(
    'b3',
    '2024-01-02T00:00:00',
    [
      ['env', 'prod'],
      ['tier', 'db'],
    ],
    'DB-01',
  ),
  b('b4', '2024-01-02T00:00:00', [['env', 'prod']], 'db-02'),
  b('b5', undefined, [['legacy', '']], ''),
  b('b6', '2024-01-03T00:00:00', [], 'misc'),
];
const ids = (list: readonly IndexedBackup[]) => list.map((x) => x.id);

describe('TagIndex', () => {
  const index = new TagIndex(backups);

  it('orders by created_at desc, then id desc, a missing created_at last', () => {
    expect(ids(index.select({}))).toEqual(['b6', 'b2', 'b4', 'b3', 'b1', 'b5']);
  });

  const cases: [string, TagQuery, string[]][] = [
    ['tags key', { tags: [{ key: 'tier', values: [] }] }, ['b2', 'b3', 'b1']],
    ['tags values OR', { tags: [{ key: 'tier', values: ['db', 'web'] }] }, ['b2', 'b3', 'b1']],
    [
      'tags AND',
      {
        tags: [
          { key: 'env', values: ['prod'] },
          { key: 'tier', values: [] },
        ],
      },
      ['b3', 'b1'],
    ],
    [
      'tags_any',
      {
        tags_any: [
          { key: 'legacy', values: [] },
          { key: 'tier', values: ['db'] },
        ],
      },
      ['b3', 'b5'],
    ],
    [
      'not_tags',
      {
        not_tags: [
          { key: 'env', values: ['prod'] },
          { key: 'tier', values: [] },
        ],
      },
      ['b6', 'b2', 'b4', 'b5'],
    ],
    [
      'not_tags_any',
      {
        not_tags_any: [
          { key: 'env', values: ['prod'] },
          { key: 'legacy', values: [] },
        ],
      },
      ['b6', 'b2'],
    ],
    ['empty value', { tags: [{ key: 'legacy', values: [''] }] }, ['b5']],
    ['unknown key', { tags: [{ key: 'nope', values: [] }] }, []],
    ['unknown value', { tags: [{ key: 'env', values: ['nope'] }] }, []],
    ['matches fuzzy', { matches: [{ key: 'resource_name', value: 'DB' }] }, ['b4', 'b3']],
    ['matches exact empty', { matches: [{ key: 'resource_name', value: '' }] }, ['b5']],
    [
      'matches with tags',
      { tags: [{ key: 'tier', values: [] }], matches: [{ key: 'resource_name', value: '0' }] },
      ['b2', 'b3', 'b1'],
    ],
  ];
  it.each(cases)('%s', (_, query, expected) => {
    expect(ids(index.select(query))).toEqual(expected);
    expect(index.count(query)).toBe(expected.length);
  });

  it('pages by offset and limit', () => {
    expect(ids(index.select({}, { offset: 1, limit: 2 }))).toEqual(['b2', 'b4']);
    expect(ids(index.select({}, { offset: 5, limit: 10 }))).toEqual(['b5']);
    expect(ids(index.select({}, { offset: 6 }))).toEqual([]);
    expect(ids(index.select({}, { limit: 0 }))).toEqual([]);
  });

  it.each([-1, 1.5, Number.NaN, '1' as unknown as number])('refuses the page number %s', (bad) => {
    expect(() => index.select({}, { offset: bad })).toThrow(TagIndexPageError);
    expect(() => index.select({}, { limit: bad })).toThrow(TagIndexPageError);
  });

  it('gets by id and knows its size', () => {
    expect(index.size).toBe(6);
    expect(index.get('b3')?.name).toBe('DB-01');
    expect(index.get('zz')).toBeUndefined();
  });
});

describe('TagIndex given backups already in the answer order', () => {
  const inOrder = ['b6', 'b2', 'b4', 'b3', 'b1', 'b5'].map((id) => backups.find((x) => x.id === id)!);
  const trusted = new TagIndex(inOrder, { inAnswerOrder: true });
  const checked = new TagIndex(backups);

  it('answers every query as an index that sorted them itself', () => {
    for (const query of [
      {},
      { tags: [{ key: 'env', values: ['prod'] }] },
      { not_tags_any: [{ key: 'env', values: [] }] },
    ]) {
      expect(ids(trusted.select(query))).toEqual(ids(checked.select(query)));
      expect(trusted.count(query)).toBe(checked.count(query));
    }
    expect(ids(trusted.select({}, { offset: 2, limit: 2 }))).toEqual(['b4', 'b3']);
    expect(trusted.get('b3')?.name).toBe('DB-01');
  });

  it('reads no created_at at build time', () => {
    let reads = 0;
    const watched = inOrder.map((backup) => ({
      ...backup,
      get created_at() {
        reads++;
        return backup.created_at;
      },
    }));
    const index = new TagIndex(watched, { inAnswerOrder: true });
    expect(reads).toBe(0);
    expect(ids(index.select({}))).toEqual(ids(inOrder));
  });

  it('builds its id map on first use, and compacts', () => {
    let reads = 0;
    const watched = inOrder.map((backup) => ({
      ...backup,
      get id() {
        reads++;
        return backup.id;
      },
    }));
    const index = new TagIndex(watched, { inAnswerOrder: true });
    expect(reads).toBe(0);
    expect(index.get('b4')?.name).toBe('db-02');
    expect(reads).toBe(6);
    expect(index.remove('b6')).toBe(true);
    index.add(b('b7', '2024-01-04T00:00:00', [['env', 'prod']], 'new'));
    index.compact();
    expect(ids(index.select({}))).toEqual(['b7', 'b2', 'b4', 'b3', 'b1', 'b5']);
    expect(index.get('b7')?.name).toBe('new');
  });
});

describe('TagIndex reads', () => {
  it('count reads no backup after the build, and select only what it returns', () => {
    let reads = 0;
    const watched = Array.from({ length: 200 }, (_, i) => {
      const tags = [{ key: 'k', value: String(i % 4) }];
      return {
        id: `id${String(i).padStart(3, '0')}`,
        created_at: '',
        get tags() {
          reads++;
          return tags;
        },
        get name() {
          reads++;
          return 'n';
        },
      };
    });
    const index = new TagIndex(watched);
    reads = 0;
    expect(
      index.count({ tags: [{ key: 'k', values: ['1', '2'] }], not_tags_any: [{ key: 'k', values: ['2'] }] }),
    ).toBe(50);
    expect(reads).toBe(0);
    expect(ids(index.select({ tags: [{ key: 'k', values: ['1'] }] }, { offset: 2, limit: 2 }))).toEqual([
      'id189',
      'id185',
    ]);
    expect(reads).toBe(0);
  });
});

describe('TagIndex updates', () => {
  it('adds, replaces and removes, keeping the order', () => {
    const index = new TagIndex(backups);
    index.add(b('b7', '2024-01-02T00:00:00', [['env', 'prod']]));
    index.add(b('b1', '2025-01-01T00:00:00', [['env', 'dev']]));
    expect(index.remove('b4')).toBe(true);
    expect(index.remove('b4')).toBe(false);
    expect(index.remove('missing')).toBe(false);
    expect(index.size).toBe(6);
    expect(ids(index.select({}))).toEqual(['b1', 'b6', 'b2', 'b7', 'b3', 'b5']);
    expect(ids(index.select({ tags: [{ key: 'env', values: ['prod'] }] }))).toEqual(['b7', 'b3']);
    expect(ids(index.select({ tags: [{ key: 'env', values: ['dev'] }] }))).toEqual(['b1', 'b2']);
    expect(ids(index.select({}, { offset: 2, limit: 3 }))).toEqual(['b2', 'b7', 'b3']);
    expect(index.count({ not_tags_any: [{ key: 'env', values: [] }] })).toBe(2);
    expect(index.get('b1')?.created_at).toBe('2025-01-01T00:00:00');
    expect(index.get('b4')).toBeUndefined();
  });

  it('replaces a backup added since the last build, and removes it', () => {
    const index = new TagIndex<IndexedBackup>();
    index.add(b('x', '1'));
    index.add(b('x', '2', [['k', 'v']]));
    expect(index.size).toBe(1);
    expect(index.count({ tags: [{ key: 'k', values: ['v'] }] })).toBe(1);
    expect(index.remove('x')).toBe(true);
    expect(index.size).toBe(0);
    expect(index.select({})).toEqual([]);
  });

  it('lets a later duplicate id in the constructor win', () => {
    const index = new TagIndex([b('x', '1', [['k', 'a']]), b('x', '1', [['k', 'b']])]);
    expect(index.size).toBe(1);
    expect(index.count({ tags: [{ key: 'k', values: ['b'] }] })).toBe(1);
  });

  it('stays correct across compaction of many added backups', () => {
    const index = new TagIndex<IndexedBackup>();
    const n = 3000;
    for (let i = 0; i < n; i++) index.add(b(`id${String(i).padStart(5, '0')}`, '', [['p', String(i % 3)]]));
    for (let i = 0; i < n; i += 2) index.remove(`id${String(i).padStart(5, '0')}`);
    expect(index.count({ tags: [{ key: 'p', values: ['0'] }] })).toBe(500);
    index.compact();
    const page = index.select({ tags: [{ key: 'p', values: ['0'] }] }, { offset: 1, limit: 2 });
    // odd i with i % 3 === 0, by id descending: 2997, 2991, 2985, ...
    expect(ids(page)).toEqual(['id02991', 'id02985']);
  });
});
