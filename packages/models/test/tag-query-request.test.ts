import { describe, expect, it } from 'vitest';
import {
  resourceInstancesCountRequestSchema,
  resourceInstancesRequestSchema,
  tagQuerySchema,
} from '../src/index.js';
import { issuesOf } from './support.js';

const filter = (fields: Record<string, unknown> = {}) => ({ action: 'filter', ...fields });
const tag = (key: string, values: unknown[] = []) => ({ key, values });
const keys = (n: number) => Array.from({ length: n }, (_, i) => tag(`k${i}`));
const values = (n: number) => Array.from({ length: n }, (_, i) => `v${i}`);
const entry = (key: string, value: unknown) => ({ key, value });

const digits = 'must be a string of decimal digits';
const limitRange = 'must be between "1" and "1000"';
const notEmpty = 'must not be empty when present';

describe('resourceInstancesRequestSchema accepts', () => {
  it.each<[string, unknown]>([
    ['a bare filter', filter()],
    ['a bare count', { action: 'count' }],
    ['an empty values list (key present, any value)', filter({ tags: [tag('env')] })],
    ['an empty string value', filter({ tags: [tag('env', [''])] })],
    ['10 entries of 10 values', filter({ tags: keys(10).map((t) => ({ ...t, values: values(10) })) })],
    ['a 127-character key', filter({ tags: [tag('k'.repeat(127))] })],
    ['a 127-character key with spaces around it', filter({ tags: [tag(`  ${'k'.repeat(127)} `)] })],
    ['a 255-character value', filter({ tags: [tag('env', ['v'.repeat(255)])] })],
    ['a 255-character value with spaces around it', filter({ tags: [tag('env', [` ${'v'.repeat(255)} `])] })],
    ['values that differ only in case', filter({ tags: [tag('env', ['Prod', 'prod'])] })],
    ['keys that differ only in case', filter({ tags: [tag('Env'), tag('env')] })],
    ['the same key in different lists', filter({ tags: [tag('env')], not_tags_any: [tag('env', ['x'])] })],
    ['values starting with "*" (literal)', filter({ tags_any: [tag('env', ['*value1'])] })],
    ['limit "1"', filter({ limit: '1' })],
    ['limit "1000"', filter({ limit: '1000' })],
    ['offset "0"', filter({ offset: '0' })],
    ['a large offset', filter({ offset: '9007199254740991' })],
    ['an empty match value (exact match)', filter({ matches: [entry('resource_name', '')] })],
    ['a 255-character match value', filter({ matches: [entry('resource_name', 'x'.repeat(255))] })],
    [
      'count with a limit outside the filter range (ignored)',
      { action: 'count', limit: '5000', offset: '7' },
    ],
  ])('%s', (_, body) => {
    expect(issuesOf(resourceInstancesRequestSchema, body)).toEqual([]);
  });
});

describe('resourceInstancesRequestSchema rejects, naming the field and the rule', () => {
  it.each<[string, unknown, string, string]>([
    ['a body that is not an object', 42, '', 'must be a JSON object with an "action" field'],
    ['a missing action', {}, 'action', 'must be "filter" or "count"'],
    ['an unknown action', { action: 'list' }, 'action', 'must be "filter" or "count"'],
    ['an empty tags list', filter({ tags: [] }), 'tags', notEmpty],
    ['an empty tags_any list', filter({ tags_any: [] }), 'tags_any', notEmpty],
    ['an empty not_tags list', filter({ not_tags: [] }), 'not_tags', notEmpty],
    ['an empty not_tags_any list', filter({ not_tags_any: [] }), 'not_tags_any', notEmpty],
    ['11 entries', filter({ tags: keys(11) }), 'tags', 'at most 10 entries'],
    ['11 entries in not_tags_any', filter({ not_tags_any: keys(11) }), 'not_tags_any', 'at most 10 entries'],
    [
      'a tag list that is not a list',
      filter({ tags: {} }),
      'tags',
      'must be a list of {key, values} entries',
    ],
    [
      'a key repeated after trimming',
      filter({ tags: [tag('a'), tag('b'), tag(' a ')] }),
      'tags[2].key',
      'duplicate key "a" (keys must be unique; first at [0])',
    ],
    ['an empty key', filter({ tags: [tag('')] }), 'tags[0].key', 'must not be empty (after trimming spaces)'],
    [
      'a key of spaces only',
      filter({ tags_any: [tag('a'), tag('   ')] }),
      'tags_any[1].key',
      'must not be empty (after trimming spaces)',
    ],
    [
      'a 128-character key',
      filter({ tags: [tag('k'.repeat(128))] }),
      'tags[0].key',
      'at most 127 characters (after trimming spaces)',
    ],
    ['a missing key', filter({ tags: [{ values: [] }] }), 'tags[0].key', 'must be a string'],
    ['a numeric key', filter({ tags: [tag(7 as unknown as string)] }), 'tags[0].key', 'must be a string'],
    [
      'a missing values list',
      filter({ tags: [{ key: 'a' }] }),
      'tags[0].values',
      'must be a list of strings',
    ],
    ['11 values', filter({ tags: [tag('a', values(11))] }), 'tags[0].values', 'at most 10 values'],
    [
      'a value repeated after trimming',
      filter({ tags: [tag('a', ['x', 'y', ' x'])] }),
      'tags[0].values[2]',
      'duplicate value "x" (values must be unique after trimming; first at [0])',
    ],
    [
      'a 256-character value deep in the list',
      filter({ tags: [tag('a'), tag('b'), tag('c', ['v'.repeat(256)])] }),
      'tags[2].values[0]',
      'at most 255 characters (after trimming spaces)',
    ],
    [
      'a value that is not a string',
      filter({ not_tags: [tag('a', ['x', 1])] }),
      'not_tags[0].values[1]',
      'must be a string',
    ],
    ['limit as a number', filter({ limit: 1 }), 'limit', digits],
    ['limit "0"', filter({ limit: '0' }), 'limit', limitRange],
    ['limit "1001"', filter({ limit: '1001' }), 'limit', limitRange],
    ['limit "1.5"', filter({ limit: '1.5' }), 'limit', digits],
    ['limit " 1"', filter({ limit: ' 1' }), 'limit', digits],
    ['limit ""', filter({ limit: '' }), 'limit', digits],
    ['limit "-1"', filter({ limit: '-1' }), 'limit', digits],
    ['limit "1e3"', filter({ limit: '1e3' }), 'limit', digits],
    ['offset as a number', filter({ offset: 0 }), 'offset', digits],
    ['offset "-1"', filter({ offset: '-1' }), 'offset', digits],
    ['offset "0.5"', filter({ offset: '0.5' }), 'offset', digits],
    [
      'offset beyond a safe integer',
      filter({ offset: '9007199254740992' }),
      'offset',
      'must be at most 9007199254740991',
    ],
    ['count with a non-digit limit', { action: 'count', limit: 'ten' }, 'limit', digits],
    [
      'a match key other than resource_name',
      filter({ matches: [entry('name', 'x')] }),
      'matches[0].key',
      'must be "resource_name"',
    ],
    [
      'a 256-character match value',
      filter({ matches: [entry('resource_name', 'x'.repeat(256))] }),
      'matches[0].value',
      'at most 255 characters',
    ],
    [
      'a numeric match value',
      filter({ matches: [entry('resource_name', 3)] }),
      'matches[0].value',
      'must be a string',
    ],
    [
      'an empty matches list (the reference: "This list cannot be an empty list")',
      filter({ matches: [] }),
      'matches',
      notEmpty,
    ],
    [
      'a repeated match key',
      filter({ matches: [entry('resource_name', 'a'), entry('resource_name', 'b')] }),
      'matches[1].key',
      'duplicate key "resource_name" (keys must be unique; first at [0])',
    ],
    [
      'an unknown top-level field (misspelt not_tags)',
      filter({ not_tag: [tag('a')] }),
      'not_tag',
      'unknown field',
    ],
    ['an unknown field in a count', { action: 'count', page: '1' }, 'page', 'unknown field'],
    [
      'an unknown field in a tag entry',
      filter({ tags: [tag('a'), { ...tag('b'), value: 'x' }] }),
      'tags[1].value',
      'unknown field',
    ],
    [
      'an unknown field in a match',
      filter({ matches: [{ ...entry('resource_name', 'a'), op: 'eq' }] }),
      'matches[0].op',
      'unknown field',
    ],
  ])('%s', (_, body, path, message) => {
    expect(issuesOf(resourceInstancesRequestSchema, body)).toEqual([{ path, message }]);
  });

  it('reports every broken rule of a body, each at its own path', () => {
    const body = filter({
      limit: '0',
      tags: [tag(''), tag('b', values(11))],
      matches: [entry('x', '')],
      typo: 1,
    });
    expect(issuesOf(resourceInstancesRequestSchema, body)).toEqual(
      expect.arrayContaining([
        { path: 'limit', message: limitRange },
        { path: 'tags[0].key', message: 'must not be empty (after trimming spaces)' },
        { path: 'tags[1].values', message: 'at most 10 values' },
        { path: 'matches[0].key', message: 'must be "resource_name"' },
        { path: 'typo', message: 'unknown field' },
      ]),
    );
  });
});

describe('the other tag-query schemas', () => {
  it('count takes the same conditions', () => {
    expect(issuesOf(resourceInstancesCountRequestSchema, { action: 'count', tags: [] })).toEqual([
      { path: 'tags', message: notEmpty },
    ]);
  });

  it('tagQuerySchema holds only the conditions, without action or paging', () => {
    expect(issuesOf(tagQuerySchema, { tags: [tag('env', ['prod'])] })).toEqual([]);
    expect(issuesOf(tagQuerySchema, { action: 'filter', limit: '1' })).toEqual([
      { path: 'action', message: 'unknown field' },
      { path: 'limit', message: 'unknown field' },
    ]);
  });
});
