import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TagQueryError, TagQueryValidationError } from './errors.js';
import { validateTagQuery } from './validate.js';

// The reference pages' example bodies, committed with the repository (fixtures/spec-examples).
const examplesDir = new URL('../../../fixtures/spec-examples/', import.meta.url);

function issuesOf(query: unknown): { path: string; message: string }[] {
  try {
    validateTagQuery(query);
  } catch (error) {
    if (TagQueryValidationError.isInstance(error)) return error.issues;
    throw error;
  }
  throw new Error('expected validateTagQuery to throw');
}

const tag = (key: string, values: string[] = []) => ({ key, values });
const keys = (n: number) => Array.from({ length: n }, (_, i) => tag(`k${i}`));
const values = (n: number) => Array.from({ length: n }, (_, i) => `v${i}`);

describe('validateTagQuery accepts', () => {
  const cases: [string, unknown][] = [
    ['an empty query', {}],
    ['a key with no values (key present)', { tags: [tag('env')] }],
    ['the empty string as a value', { tags: [tag('env', [''])] }],
    ['10 entries of 10 values', { not_tags: keys(10).map((t) => ({ ...t, values: values(10) })) }],
    ['a 127-character key', { tags_any: [tag('k'.repeat(127))] }],
    ['a 255-character value', { not_tags_any: [tag('k', ['v'.repeat(255)])] }],
    ['a key padded to 129 characters that trims to 127', { tags: [tag(` ${'k'.repeat(127)} `)] }],
    ['an empty match value (exact)', { matches: [{ key: 'resource_name', value: '' }] }],
    ['the same key in different lists', { tags: [tag('env')], not_tags_any: [tag('env', ['dev'])] }],
  ];
  it.each(cases)('%s', (_, query) => {
    expect(() => validateTagQuery(query)).not.toThrow();
  });

  it.each(['resource-instances.count.request.json', 'resource-instances.filter.request.json'])(
    'the conditions of the example body %s',
    (file) => {
      const body = JSON.parse(readFileSync(new URL(file, examplesDir), 'utf8'));
      const { action: _action, limit: _limit, offset: _offset, ...query } = body;
      expect(validateTagQuery(query)).toEqual(query);
    },
  );
});

describe('validateTagQuery rejects', () => {
  const cases: [string, unknown, string, RegExp][] = [
    ['a non-object', 'env=prod', '', /object/i],
    ['null', null, '', /object/i],
    ['an unknown field (a typo of not_tags)', { not_tag: [tag('a')] }, 'not_tag', /unknown field/],
    ['an empty list', { tags: [] }, 'tags', /not be empty/],
    ['an empty matches list', { matches: [] }, 'matches', /not be empty/],
    ['11 entries', { tags_any: keys(11) }, 'tags_any', /at most 10 entries/],
    ['a duplicate key', { tags: [tag('a'), tag('a', ['x'])] }, 'tags[1].key', /duplicate key/],
    [
      'a duplicate key after trimming',
      { not_tags: [tag('a'), tag(' a ')] },
      'not_tags[1].key',
      /duplicate key/,
    ],
    ['an empty key', { tags: [tag('')] }, 'tags[0].key', /not be empty/],
    ['a key of spaces', { tags: [tag('   ')] }, 'tags[0].key', /not be empty/],
    ['a 128-character key', { tags: [tag('k'.repeat(128))] }, 'tags[0].key', /at most 127/],
    ['a missing key', { tags: [{ values: [] }] }, 'tags[0].key', /string/],
    ['missing values', { tags: [{ key: 'a' }] }, 'tags[0].values', /list/],
    ['11 values', { tags: [tag('a', values(11))] }, 'tags[0].values', /at most 10 values/],
    ['a 256-character value', { tags: [tag('a', ['v'.repeat(256)])] }, 'tags[0].values[0]', /at most 255/],
    [
      'a duplicate value after trimming',
      { tags: [tag('a', ['x', ' x'])] },
      'tags[0].values[1]',
      /duplicate value/,
    ],
    ['a non-string value', { tags: [tag('a', [1 as unknown as string])] }, 'tags[0].values[0]', /string/],
    [
      'an extra field in an entry',
      { tags: [{ key: 'a', values: [], value: 'x' }] },
      'tags[0].value',
      /unknown/,
    ],
    [
      'a match key other than resource_name',
      { matches: [{ key: 'name', value: 'x' }] },
      'matches[0].key',
      /resource_name/,
    ],
    [
      'a 256-character match value',
      { matches: [{ key: 'resource_name', value: 'v'.repeat(256) }] },
      'matches[0].value',
      /at most 255/,
    ],
    [
      'a duplicate match key',
      {
        matches: [
          { key: 'resource_name', value: 'a' },
          { key: 'resource_name', value: 'b' },
        ],
      },
      'matches[1].key',
      /duplicate key/,
    ],
  ];
  it.each(cases)('%s', (_, query, path, message) => {
    const issues = issuesOf(query);
    expect(issues).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  it('reports every broken rule, not only the first', () => {
    const issues = issuesOf({ tags: [tag('')], not_tags_any: [tag('a', values(11))] });
    expect(issues.map((i) => i.path)).toEqual(['tags[0].key', 'not_tags_any[0].values']);
  });

  it('turns an unreadable input into its own error', () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('boom');
        },
        get() {
          throw new Error('boom');
        },
      },
    );
    expect(() => validateTagQuery(hostile)).toThrow(TagQueryValidationError);
  });
});

describe('validateTagQuery normalises', () => {
  it('trims keys and values of every tag list, and keeps match values as given', () => {
    const query = {
      tags: [tag(' env ', [' prod', 'dev '])],
      tags_any: [tag('\tteam', ['web\n'])],
      not_tags: [tag('a ', [''])],
      not_tags_any: [tag(' b', ['  '])],
      matches: [{ key: 'resource_name' as const, value: ' db ' }],
    };
    expect(validateTagQuery(query)).toEqual({
      tags: [tag('env', ['prod', 'dev'])],
      tags_any: [tag('team', ['web'])],
      not_tags: [tag('a', [''])],
      not_tags_any: [tag('b', [''])],
      matches: [{ key: 'resource_name', value: ' db ' }],
    });
  });

  it('returns a fresh object that shares nothing with the input', () => {
    const query = { tags: [tag('env', ['prod'])] };
    const out = validateTagQuery(query);
    out.tags![0]!.values.push('x');
    expect(query.tags[0]!.values).toEqual(['prod']);
  });

  it('omits the lists that are absent', () => {
    expect(Object.keys(validateTagQuery({ not_tags_any: [tag('a')], tags: undefined }))).toEqual([
      'not_tags_any',
    ]);
  });
});

describe('TagQueryValidationError', () => {
  it('has a name, a code, a message with the path, and a cross-install brand', () => {
    let caught: unknown;
    try {
      validateTagQuery({ tags: [tag('a', values(11))] });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TagQueryValidationError);
    const error = caught as TagQueryValidationError;
    expect(error.name).toBe('TagQueryValidationError');
    expect(error.code).toBe('TAG_QUERY_INVALID');
    expect(error.message).toContain('tags[0].values: at most 10 values');
    expect(error.cause).toBeDefined();
    expect(TagQueryError.isInstance(error)).toBe(true);
    const foreign = Object.assign(Object.create(Error.prototype), {
      [Symbol.for('csbs-kit.tag-query.TagQueryValidationError')]: true,
    });
    expect(TagQueryValidationError.isInstance(foreign)).toBe(true);
    expect(TagQueryValidationError.isInstance(new Error('x'))).toBe(false);
  });
});
