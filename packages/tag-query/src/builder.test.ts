import { describe, expect, it } from 'vitest';
import { tagQuery } from './builder.js';
import { SelectorFormatError, TagQueryValidationError } from './errors.js';

const t = (key: string, ...values: string[]) => ({ key, values });

function buildIssues(build: () => unknown): string[] {
  try {
    build();
  } catch (error) {
    if (TagQueryValidationError.isInstance(error)) return error.issues.map((i) => `${i.path}: ${i.message}`);
    throw error;
  }
  throw new Error('expected build() to throw');
}

describe('tagQuery()', () => {
  it('builds each list', () => {
    const query = tagQuery()
      .has('env', 'prod')
      .has('tier', ['web', 'api'])
      .has('team')
      .lacks('legacy')
      .lacks('owner', ['bob', 'eve'])
      .anyOf((g) => g.has('a').has('b', 'x'))
      .notAllOf((g) => g.has('c', 'y').has('d'))
      .nameContains('db')
      .build();
    expect(query).toEqual({
      tags: [t('env', 'prod'), t('team'), t('tier', 'api', 'web')],
      tags_any: [t('a'), t('b', 'x')],
      not_tags: [t('c', 'y'), t('d')],
      not_tags_any: [t('legacy'), t('owner', 'bob', 'eve')],
      matches: [{ key: 'resource_name', value: 'db' }],
    });
  });

  it('builds the empty query and the empty-name search', () => {
    expect(tagQuery().build()).toEqual({});
    expect(tagQuery().nameIsEmpty().build()).toEqual({ matches: [{ key: 'resource_name', value: '' }] });
  });

  it('merges like the selector: has intersects, lacks unites', () => {
    expect(tagQuery().has('env', ['a', 'b']).has('env', 'b').build()).toEqual({ tags: [t('env', 'b')] });
    expect(tagQuery().lacks('env', 'a').lacks('env', 'b').build()).toEqual({
      not_tags_any: [t('env', 'a', 'b')],
    });
    expect(tagQuery().lacks('env', 'a').lacks('env').build()).toEqual({ not_tags_any: [t('env')] });
  });

  it('is immutable: each call returns a new builder', () => {
    const base = tagQuery().has('env', 'prod');
    const a = base.has('tier', 'web');
    const b = base.lacks('tier');
    expect(base.build()).toEqual({ tags: [t('env', 'prod')] });
    expect(a.build()).toEqual({ tags: [t('env', 'prod'), t('tier', 'web')] });
    expect(b.build()).toEqual({ tags: [t('env', 'prod')], not_tags_any: [t('tier')] });
  });

  it('trims keys and values', () => {
    expect(tagQuery().has(' env ', [' a ']).build()).toEqual({ tags: [t('env', 'a')] });
  });

  it('writes the canonical selector', () => {
    expect(
      tagQuery()
        .lacks('legacy')
        .has('env', 'prod')
        .anyOf((g) => g.has('x'))
        .toSelector(),
    ).toBe('env=prod,!legacy,any(x)');
    expect(() => tagQuery().nameContains('x').toSelector()).toThrow(SelectorFormatError);
  });

  const misuse: [string, () => unknown, RegExp][] = [
    ['a contradiction', () => tagQuery().has('env', 'a').has('env', 'b').build(), /^tags: .*contradicts/],
    [
      'required and forbidden',
      () => tagQuery().has('env').lacks('env').build(),
      /^not_tags_any: .*contradicts/,
    ],
    ['an empty list of values', () => tagQuery().has('env', []).build(), /at least one value/],
    [
      'two anyOf groups',
      () =>
        tagQuery()
          .anyOf((g) => g.has('a'))
          .anyOf((g) => g.has('b'))
          .build(),
      /once/,
    ],
    ['two name conditions', () => tagQuery().nameContains('a').nameIsEmpty().build(), /one name condition/],
    ['nameContains("")', () => tagQuery().nameContains('').build(), /nameIsEmpty/],
    [
      '11 values',
      () =>
        tagQuery()
          .has(
            'k',
            Array.from({ length: 11 }, (_, i) => `${i}`),
          )
          .build(),
      /at most 10 values/,
    ],
    ['a too long key', () => tagQuery().has('k'.repeat(128)).build(), /^tags\[0\]\.key: at most 127/],
    [
      'a non-string value',
      () =>
        tagQuery()
          .has('k', [1 as unknown as string])
          .build(),
      /must be strings/,
    ],
  ];
  it.each(misuse)('reports %s', (_, build, pattern) => {
    expect(buildIssues(build).join('\n')).toMatch(pattern);
  });
});
