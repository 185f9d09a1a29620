import { describe, expect, it } from 'vitest';
import { CsbsValidationError } from '../errors/other-errors.js';
import {
  countRequest,
  filterRequest,
  normaliseTagQuery,
  pagingNumber,
  splitPaging,
} from './resource-query.js';

function issuesOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    expect(CsbsValidationError.isInstance(error)).toBe(true);
    return (error as CsbsValidationError).issues;
  }
  throw new Error('expected a validation error');
}

describe('normaliseTagQuery', () => {
  it('passes a wire query through, trimmed', () => {
    expect(
      normaliseTagQuery({
        tags: [{ key: ' env ', values: [' prod'] }],
        matches: [{ key: 'resource_name', value: 'db' }],
      }),
    ).toEqual({ tags: [{ key: 'env', values: ['prod'] }], matches: [{ key: 'resource_name', value: 'db' }] });
  });

  it('turns a selector into the four lists, keeping matches', () => {
    expect(
      normaliseTagQuery({ selector: 'env=prod,!legacy', matches: [{ key: 'resource_name', value: 'web' }] }),
    ).toEqual({
      tags: [{ key: 'env', values: ['prod'] }],
      not_tags_any: [{ key: 'legacy', values: [] }],
      matches: [{ key: 'resource_name', value: 'web' }],
    });
  });

  it('an empty selector is an empty query', () => {
    expect(normaliseTagQuery({ selector: '' })).toEqual({});
  });

  it('a selector syntax error names the selector field and the column', () => {
    const issues = issuesOf(() => normaliseTagQuery({ selector: 'env in (a' }));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe('selector');
    expect(issues[0]?.message).toMatch(/column \d+/);
  });

  it('a selector cannot be mixed with wire lists', () => {
    expect(issuesOf(() => normaliseTagQuery({ selector: 'a', tags: [] } as never))).toEqual([
      { path: 'tags', message: 'unknown field (a selector query takes selector and matches)' },
    ]);
  });

  it('names the broken field of a wire query', () => {
    const values = Array.from({ length: 11 }, (_, i) => `v${i}`);
    expect(
      issuesOf(() =>
        normaliseTagQuery({
          tags: [
            { key: 'a', values: [] },
            { key: 'b', values },
          ],
        }),
      ),
    ).toEqual([{ path: 'tags[1].values', message: 'at most 10 values' }]);
    expect(issuesOf(() => normaliseTagQuery({ not_tag: [] } as never))).toEqual([
      { path: 'not_tag', message: 'unknown field' },
    ]);
    expect(
      issuesOf(() => normaliseTagQuery({ matches: [{ key: 'name', value: 'x' }] } as never))[0]?.path,
    ).toBe('matches[0].key');
  });
});

describe('request bodies', () => {
  it('sends limit and offset as strings', () => {
    expect(filterRequest({}, { limit: 50, offset: 100 })).toEqual({
      action: 'filter',
      limit: '50',
      offset: '100',
    });
    expect(filterRequest({}, { limit: '7' })).toEqual({ action: 'filter', limit: '7' });
  });

  it.each([
    [{ limit: 0 }, 'limit'],
    [{ limit: 1001 }, 'limit'],
    [{ limit: 1.5 }, 'limit'],
    [{ offset: -1 }, 'offset'],
    [{ limit: 'ten' }, 'limit'],
  ])('rejects paging %j at %s', (paging, path) => {
    expect(issuesOf(() => filterRequest({}, paging))[0]?.path).toBe(path);
  });

  it('count carries action count and no paging', () => {
    expect(countRequest({ tags_any: [{ key: 'a', values: [] }] })).toEqual({
      action: 'count',
      tags_any: [{ key: 'a', values: [] }],
    });
  });

  it('splitPaging leaves the caller object untouched', () => {
    const input = { tags: [{ key: 'a', values: [] }], limit: 3 };
    expect(splitPaging(input)).toEqual({ query: { tags: [{ key: 'a', values: [] }] }, paging: { limit: 3 } });
    expect(input.limit).toBe(3);
  });
});

describe('pagingNumber', () => {
  it('reads numbers and digit strings, with a floor', () => {
    expect(pagingNumber(undefined, 'offset', 0)).toBe(0);
    expect(pagingNumber('12', 'offset', 0)).toBe(12);
    expect(pagingNumber(5, 'limit', 0, 1)).toBe(5);
    expect(issuesOf(() => pagingNumber(0, 'limit', 0, 1))).toEqual([
      { path: 'limit', message: 'must be a whole number >= 1' },
    ]);
    expect(issuesOf(() => pagingNumber('-3', 'offset', 0))[0]?.path).toBe('offset');
    expect(issuesOf(() => pagingNumber(2.5, 'offset', 0))[0]?.path).toBe('offset');
  });
});
