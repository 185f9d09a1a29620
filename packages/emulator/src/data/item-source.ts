/*
 * The source text of every checkpoint item in a data file, so that the load can keep each
 * item's JSON by slicing the file instead of `JSON.stringify` of the parsed object (which
 * cost as much as the parse itself). An answer must stay byte for byte `JSON.stringify` of
 * the parsed item, so a slice is only offered when the scan (`value-scan.ts`) can tell it is
 * that text and — checked against the parsed item by the caller, `countKeys` — it has no
 * duplicate key. Any other item gets `undefined` and is serialised as before.
 */
import {
  members,
  openBrace,
  openBracket,
  type ScannedItems,
  scanItems,
  scanValue,
  skipWhitespace,
  ValueScan,
} from './value-scan.js';

/**
 * The items of each project of a data file's text (`{"projects":{"<id>":{"checkpoint_items":[…]}}}`),
 * by project id; where a key appears twice the last one counts, as in `JSON.parse`.
 * `undefined` when the text does not have that shape or holds lone surrogates (which
 * `JSON.stringify` would escape). `json` must be valid JSON.
 */
export function scanDataFileItems(json: string): Map<string, ScannedItems> | undefined {
  // ES2024, in every Node this package supports; the lib setting stops at ES2023.
  if (!(json as string & { isWellFormed(): boolean }).isWellFormed()) return undefined;
  const start = skipWhitespace(json, 0);
  if (json.charCodeAt(start) !== openBrace) return undefined;
  const scan = new ValueScan();
  let projects: Map<string, ScannedItems> | undefined;
  members(json, start, (key, at) => {
    if (key !== 'projects' || json.charCodeAt(at) !== openBrace) {
      if (key === 'projects') projects = undefined;
      return scanValue(json, at, scan);
    }
    const found = new Map<string, ScannedItems>();
    const end = members(json, at, (project, projectAt) => {
      found.delete(project);
      if (json.charCodeAt(projectAt) !== openBrace) return scanValue(json, projectAt, scan);
      return members(json, projectAt, (field, fieldAt) => {
        if (field !== 'checkpoint_items') return scanValue(json, fieldAt, scan);
        if (json.charCodeAt(fieldAt) !== openBracket) {
          found.delete(project);
          return scanValue(json, fieldAt, scan);
        }
        const [items, end] = scanItems(json, fieldAt, scan);
        found.set(project, items);
        return end;
      });
    });
    projects = found;
    return end;
  });
  return projects;
}

/** One project's `checkpoint_items` array in a data file's text. */
export interface ItemArray extends ScannedItems {
  readonly project: string;
  /** The indexes of its `[` and its `]`. */
  readonly open: number;
  readonly close: number;
}

/**
 * Every project's `checkpoint_items` array in a data file's text that has not been parsed,
 * in text order; `undefined` when the text is not of the plain shape a load takes item by
 * item (a key repeated at the top level, among the projects or in a project; `projects`
 * not an object, a project or its `checkpoint_items` not an object and an array; lone
 * surrogates), and the caller then parses the whole file. The scan lexes every string, so
 * where the text is JSON it finds the arrays JSON.parse would; where it is not, it throws
 * or finds something that the caller's parses (of the text without the arrays, and of
 * each item) reject.
 */
export function scanItemArrays(json: string): ItemArray[] | undefined {
  if (!(json as string & { isWellFormed(): boolean }).isWellFormed()) return undefined;
  const start = skipWhitespace(json, 0);
  if (json.charCodeAt(start) !== openBrace) return undefined;
  const scan = new ValueScan();
  const arrays: ItemArray[] = [];
  const topKeys = new Set<string>();
  const projectIds = new Set<string>();
  let plain = true;
  members(json, start, (key, at) => {
    if (topKeys.has(key)) plain = false;
    topKeys.add(key);
    if (key !== 'projects') return scanValue(json, at, scan);
    if (json.charCodeAt(at) !== openBrace) {
      plain = false;
      return scanValue(json, at, scan);
    }
    return members(json, at, (project, projectAt) => {
      if (projectIds.has(project)) plain = false;
      projectIds.add(project);
      if (json.charCodeAt(projectAt) !== openBrace) {
        plain = false;
        return scanValue(json, projectAt, scan);
      }
      let found = false;
      return members(json, projectAt, (field, fieldAt) => {
        if (field !== 'checkpoint_items') return scanValue(json, fieldAt, scan);
        if (found || json.charCodeAt(fieldAt) !== openBracket) {
          plain = false;
          return scanValue(json, fieldAt, scan);
        }
        found = true;
        const [items, end] = scanItems(json, fieldAt, scan);
        arrays.push({ project, open: fieldAt, close: end - 1, ...items });
        return end;
      });
    });
  });
  return plain ? arrays : undefined;
}

/** Every key of `value` and of everything in it, counted as the scan counts keys in its text. */
export function countKeys(value: unknown): number {
  return typeof value === 'object' && value !== null ? keysIn(value) : 0;
}

/**
 * `countKeys` of an object or array. Only containers are recursed into: most values of an
 * item are not, and a call for each cost most of the count.
 */
function keysIn(value: object): number {
  let keys = 0;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const element: unknown = value[i];
      if (typeof element === 'object' && element !== null) keys += keysIn(element);
    }
    return keys;
  }
  for (const key in value) {
    keys++;
    const member: unknown = (value as Record<string, unknown>)[key];
    if (typeof member === 'object' && member !== null) keys += keysIn(member);
  }
  return keys;
}
