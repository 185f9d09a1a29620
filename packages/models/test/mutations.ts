import type { FieldIssue, ResourceInstancesFilterRequest, Tag } from '../src/index.js';
import { type TagListName, tagListNames } from './arbitraries.js';

/*
 * Each mutation breaks exactly one rule of a valid filter request and says where and how
 * the schema must complain. `pick` is a random number that chooses list, entry and variant.
 */

type Body = Record<string, unknown> & ResourceInstancesFilterRequest;
export type Mutation = (body: Body, pick: number) => FieldIssue;

const distinctKeys = (n: number, prefix: string): Tag[] =>
  Array.from({ length: n }, (_, i) => ({ key: `${prefix}${i}`, values: [] }));

function listOf(body: Body, pick: number): [TagListName, Tag[]] {
  const name = tagListNames[pick % tagListNames.length] as TagListName;
  const list = body[name] ?? [{ key: 'only', values: [] }];
  body[name] = list;
  return [name, list];
}

const digits = 'must be a string of decimal digits';

export const mutations: Record<string, Mutation> = {
  emptyList(body, pick) {
    const [name] = listOf(body, pick);
    body[name] = [];
    return { path: name, message: 'must not be empty when present' };
  },
  tooManyEntries(body, pick) {
    const [name] = listOf(body, pick);
    body[name] = distinctKeys(11, 'k');
    return { path: name, message: 'at most 10 entries' };
  },
  duplicateKey(body, pick) {
    const [name, list] = listOf(body, pick);
    const first = list[0] as Tag;
    const copy = { key: ` ${first.key} `, values: [] };
    // Replace rather than append when the list is full, so no second rule breaks.
    const index = list.length === 10 ? 9 : list.length;
    list[index] = copy;
    return {
      path: `${name}[${index}].key`,
      message: `duplicate key "${first.key.trim()}" (keys must be unique; first at [0])`,
    };
  },
  emptyKey(body, pick) {
    const [name, list] = listOf(body, pick);
    const index = pick % list.length;
    (list[index] as Tag).key = ['', ' ', '   '][pick % 3] as string;
    return { path: `${name}[${index}].key`, message: 'must not be empty (after trimming spaces)' };
  },
  longKey(body, pick) {
    const [name, list] = listOf(body, pick);
    const index = pick % list.length;
    (list[index] as Tag).key = 'k'.repeat(128 + (pick % 3));
    return { path: `${name}[${index}].key`, message: 'at most 127 characters (after trimming spaces)' };
  },
  tooManyValues(body, pick) {
    const [name, list] = listOf(body, pick);
    const index = pick % list.length;
    (list[index] as Tag).values = Array.from({ length: 11 }, (_, i) => `v${i}`);
    return { path: `${name}[${index}].values`, message: 'at most 10 values' };
  },
  duplicateValue(body, pick) {
    const [name, list] = listOf(body, pick);
    const index = pick % list.length;
    const entry = list[index] as Tag;
    if (entry.values.length === 0) entry.values = ['x'];
    const first = entry.values[0] as string;
    const at = entry.values.length === 10 ? 9 : entry.values.length;
    entry.values[at] = `${first} `;
    return {
      path: `${name}[${index}].values[${at}]`,
      message: `duplicate value "${first.trim()}" (values must be unique after trimming; first at [0])`,
    };
  },
  longValue(body, pick) {
    const [name, list] = listOf(body, pick);
    const index = pick % list.length;
    const entry = list[index] as Tag;
    const at = entry.values.length === 0 ? 0 : pick % entry.values.length;
    entry.values[at] = 'v'.repeat(256 + (pick % 2));
    return {
      path: `${name}[${index}].values[${at}]`,
      message: 'at most 255 characters (after trimming spaces)',
    };
  },
  badLimit(body, pick) {
    const bad: [unknown, string][] = [
      ['0', 'must be between "1" and "1000"'],
      ['1001', 'must be between "1" and "1000"'],
      ['1.5', digits],
      [' 1', digits],
      ['', digits],
      ['-1', digits],
      [10, digits],
    ];
    const [limit, message] = bad[pick % bad.length] as [unknown, string];
    (body as Record<string, unknown>).limit = limit;
    return { path: 'limit', message };
  },
  badOffset(body, pick) {
    const bad: unknown[] = ['-1', '1.5', ' 0', 'x', 0];
    (body as Record<string, unknown>).offset = bad[pick % bad.length];
    return { path: 'offset', message: digits };
  },
  badMatchKey(body) {
    body.matches = [{ key: 'name' as 'resource_name', value: 'x' }];
    return { path: 'matches[0].key', message: 'must be "resource_name"' };
  },
  longMatchValue(body) {
    body.matches = [{ key: 'resource_name', value: 'x'.repeat(256) }];
    return { path: 'matches[0].value', message: 'at most 255 characters' };
  },
  unknownField(body, pick) {
    if (pick % 2 === 0) {
      (body as Record<string, unknown>).not_tag = [];
      return { path: 'not_tag', message: 'unknown field' };
    }
    const [name, list] = listOf(body, pick);
    const index = pick % list.length;
    (list[index] as Tag & { value?: string }).value = 'x';
    return { path: `${name}[${index}].value`, message: 'unknown field' };
  },
  badAction(body, pick) {
    (body as Record<string, unknown>).action = ['list', 'FILTER', '', 1][pick % 4];
    return { path: 'action', message: 'must be "filter" or "count"' };
  },
};
