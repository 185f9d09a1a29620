import { describe, expect, it } from 'vitest';
import { describeFieldIssues, fieldIssuesOf, formatFieldPath, tagListSchema } from '../src/index.js';

describe('formatFieldPath', () => {
  it.each<[PropertyKey[], string]>([
    [[], ''],
    [['limit'], 'limit'],
    [['tags', 2, 'values', 0], 'tags[2].values[0]'],
    [[0, 'key'], '[0].key'],
    [['a', 'b', 1, 2], 'a.b[1][2]'],
  ])('%j is written %j', (path, text) => {
    expect(formatFieldPath(path)).toBe(text);
  });
});

describe('fieldIssuesOf', () => {
  it('reports each unknown key at its own path', () => {
    const result = tagListSchema.safeParse([{ key: 'a', values: [], x: 1, y: 2 }]);
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(fieldIssuesOf(result.error)).toEqual([
        { path: '[0].x', message: 'unknown field' },
        { path: '[0].y', message: 'unknown field' },
      ]);
    }
  });
});

describe('describeFieldIssues', () => {
  it('joins issues into one line, leaving out an empty path', () => {
    expect(
      describeFieldIssues([
        { path: 'tags[2].values', message: 'at most 10 values' },
        { path: 'limit', message: 'must be a string of decimal digits' },
        { path: '', message: 'must be an object' },
      ]),
    ).toBe('tags[2].values: at most 10 values; limit: must be a string of decimal digits; must be an object');
    expect(describeFieldIssues([])).toBe('');
  });
});
