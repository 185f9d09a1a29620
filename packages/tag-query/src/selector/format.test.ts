import type { TagQuery } from '@csbs-kit/models';
import { describe, expect, it } from 'vitest';
import { SelectorFormatError, TagQueryValidationError } from '../errors.js';
import { formatSelector } from './format.js';
import { parseSelector } from './parser.js';

const t = (key: string, ...values: string[]) => ({ key, values });

describe('formatSelector', () => {
  const cases: [TagQuery, string][] = [
    [{}, ''],
    [{ tags: [t('env')] }, 'env'],
    [{ tags: [t('env', 'prod')] }, 'env=prod'],
    [{ tags: [t('env', 'staging', 'prod')] }, 'env in (prod,staging)'],
    [{ not_tags_any: [t('env')] }, '!env'],
    [{ not_tags_any: [t('env', 'prod')] }, 'env!=prod'],
    [{ not_tags_any: [t('env', 'b', 'a')] }, 'env notin (a,b)'],
    [{ tags_any: [t('tier'), t('team', 'web')] }, 'any(team=web,tier)'],
    [{ not_tags: [t('tier', 'db'), t('env', 'prod')] }, '!(env=prod,tier=db)'],
    [
      {
        not_tags: [t('a')],
        not_tags_any: [t('legacy'), t('env', 'dev')],
        tags_any: [t('b')],
        tags: [t('tier', 'web', 'api'), t('env')],
      },
      'env,env!=dev,!legacy,tier in (api,web),any(b),!(a)',
    ],
    [{ tags: [t('B'), t('a'), t('_')] }, 'B,_,a'],
    [
      { tags: [t('k', ''), t('my key', 'a b'), t('q', 'say "hi"\\')] },
      'k="","my key"="a b",q="say \\"hi\\"\\\\"',
    ],
    [{ tags: [t('k', 'line\nbreak\u0001')] }, 'k="line\\nbreak\\u0001"'],
    [{ tags: [t('k', '*value1')] }, 'k="*value1"'],
    [{ tags: [t(' padded ', ' v ')] }, 'padded=v'],
    [{ tags: [t('env', 'a', 'b')], not_tags_any: [t('env', 'a')] }, 'env in (a,b),env!=a'],
    [{ tags: [t('env', 'a')], tags_any: [t('env', 'b')] }, 'env=a,any(env=b)'],
  ];
  it.each(cases)('%j → %j', (query, expected) => {
    expect(formatSelector(query)).toBe(expected);
  });

  it('writes what parseSelector reads back, in canonical order', () => {
    for (const [, text] of cases) {
      const parsed = parseSelector(text);
      expect(formatSelector(parsed)).toBe(text);
    }
  });

  const inexpressible: [string, TagQuery, string][] = [
    ['a name search', { matches: [{ key: 'resource_name', value: 'db' }] }, 'matches'],
    ['a key required and forbidden', { tags: [t('env')], not_tags_any: [t('env')] }, 'not_tags_any[0]'],
    [
      'every required value excluded',
      { tags: [t('env', 'a')], not_tags_any: [t('env', 'a', 'b')] },
      'not_tags_any[0]',
    ],
  ];
  it.each(inexpressible)('refuses %s', (_, query, path) => {
    let caught: unknown;
    try {
      formatSelector(query);
    } catch (error) {
      caught = error;
    }
    expect(SelectorFormatError.isInstance(caught)).toBe(true);
    expect((caught as SelectorFormatError).path).toBe(path);
    expect((caught as SelectorFormatError).code).toBe('SELECTOR_NOT_EXPRESSIBLE');
  });

  it('refuses an invalid query with the validation error', () => {
    expect(() => formatSelector({ tags: [] })).toThrow(TagQueryValidationError);
    expect(() => formatSelector({ matches: [] })).toThrow(TagQueryValidationError);
  });
});
