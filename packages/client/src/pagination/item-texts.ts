/*
 * The source text of each element of one top-level array in a JSON body: for a listing
 * page, the exact JSON of every backup as the service sent it. A caller that writes items
 * out again (the CLI's ndjson) can then copy these instead of re-serialising what
 * `JSON.parse` built, which costs as much as the parse itself.
 *
 * The body must already have passed `JSON.parse` (the client parses and validates first),
 * so the scanner can trust the grammar and only has to track nesting, strings and commas.
 * Strings are skipped with `indexOf('"')`, so the per-character loop only sees structure.
 */
import { jsonStringEnd } from '@csbs-kit/models';
import type { CompactArray } from './item-lines.js';

const quote = 0x22;
const comma = 0x2c;
const colon = 0x3a;
const openBrace = 0x7b;
const closeBrace = 0x7d;
const openBracket = 0x5b;
const closeBracket = 0x5d;

function isWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Whether the JSON string literal `json[start, end)` spells `key` (escapes decoded). Only top-level keys come here. */
function spells(json: string, start: number, end: number, key: string): boolean {
  const inner = json.slice(start + 1, end - 1);
  return inner.includes('\\') ? JSON.parse(json.slice(start, end)) === key : inner === key;
}

/**
 * The text of each element of the array under `key` in the top-level object of `json`,
 * trimmed of the whitespace around it, in order; `undefined` when the top level is not an
 * object or has no such array. When the key appears more than once, the last one counts,
 * as in `JSON.parse`. `json` must be valid JSON; the answer for anything else is
 * unspecified. Each returned string, parsed, equals the element `JSON.parse` produced.
 */
export function arrayItemTexts(json: string, key: string): string[] | undefined {
  let result: string[] | undefined;
  let depth = 0;
  let topIsObject = false;
  // At depth 1 of the top-level object: whether the next string is a key, and whether the
  // key just read is `key` (so that a `[` now opens the array we want).
  let expectKey = false;
  let keyMatched = false;
  // Inside the wanted array (its elements are at depth 2).
  let capturing = false;
  let items: string[] = [];
  let itemStart = -1;
  let itemEnd = -1;

  const n = json.length;
  let i = 0;
  while (i < n) {
    const c = json.charCodeAt(i);
    if (c === quote) {
      const end = jsonStringEnd(json, i);
      if (capturing) {
        if (depth === 2 && itemStart < 0) itemStart = i;
        itemEnd = end;
      } else if (depth === 1 && topIsObject) {
        keyMatched = expectKey && spells(json, i, end, key);
        expectKey = false;
      }
      i = end;
      continue;
    }
    if (isWhitespace(c) || c === colon) {
      i++;
      continue;
    }
    if (c === openBrace || c === openBracket) {
      if (depth === 0) {
        topIsObject = c === openBrace;
        expectKey = topIsObject;
      } else if (depth === 1 && topIsObject && !capturing) {
        if (c === openBracket && keyMatched) {
          capturing = true;
          items = [];
          itemStart = -1;
        }
        keyMatched = false;
      } else if (capturing && depth === 2 && itemStart < 0) {
        itemStart = i;
      }
      depth++;
      i++;
      continue;
    }
    if (c === closeBrace || c === closeBracket) {
      depth--;
      if (capturing) {
        if (depth === 1) {
          if (itemStart >= 0) items.push(json.slice(itemStart, itemEnd));
          result = items;
          capturing = false;
        } else {
          itemEnd = i + 1;
        }
      }
      i++;
      continue;
    }
    if (c === comma) {
      if (capturing && depth === 2) {
        items.push(json.slice(itemStart, itemEnd));
        itemStart = -1;
      } else if (depth === 1 && topIsObject && !capturing) {
        expectKey = true;
        keyMatched = false;
      }
      i++;
      continue;
    }
    // A number, `true`, `false` or `null`: part of the element being read, if any.
    if (capturing) {
      if (depth === 2 && itemStart < 0) itemStart = i;
      itemEnd = i + 1;
    } else if (depth === 1) {
      keyMatched = false;
    }
    i++;
  }
  return result;
}

/** The index just past the JSON value that starts at `start` (valid JSON assumed). */
function valueEnd(json: string, start: number): number {
  let depth = 0;
  let i = start;
  const n = json.length;
  while (i < n) {
    const c = json.charCodeAt(i);
    if (c === quote) {
      i = jsonStringEnd(json, i);
      if (depth === 0) return i;
      continue;
    }
    if (c === openBrace || c === openBracket) depth++;
    else if (c === closeBrace || c === closeBracket) {
      depth--;
      if (depth === 0) return i + 1;
    } else if (depth === 0 && (c === comma || isWhitespace(c))) return i;
    i++;
  }
  return n;
}

/**
 * `JSON.parse(body)` of a compact page body together with the source text of each element
 * of its `key` array (`checkpoint_items`, `resources`), at about the cost of the parse
 * alone; `undefined` when the body does not have the shape this fast path needs (then parse
 * it and use `arrayItemTexts`).
 *
 * Compact bodies (what the service and the emulator send) start with `{"<key>":[` and
 * separate items with `},{` followed by the key every item starts with (`"id":`,
 * `"resource_id":`). Those separators are found with `indexOf`, each piece between them is
 * parsed on its own, and the rest of the body with the array emptied. This cannot give a
 * wrong answer: a raw `"` cannot occur inside a JSON string, so a separator is always
 * structure, and a split that is not at the top of the array (a nested `},{"id":` inside an
 * item) leaves a piece with an unclosed bracket, which fails to parse and sends the body to
 * the slow path. When every piece parses, the pieces are exactly the array's elements,
 * because a JSON value's end is fixed by its start.
 */
export function parseBodyWithTexts(
  body: string,
  key: string,
): { json: unknown; texts: string[]; array: CompactArray } | undefined {
  const prefix = `{${JSON.stringify(key)}:[`;
  if (!body.startsWith(prefix)) return undefined;
  const first = prefix.length;
  const texts: string[] = [];
  const items: unknown[] = [];
  let arrayEnd: number;
  let separator = '';
  if (body.charCodeAt(first) === closeBracket) {
    arrayEnd = first;
  } else {
    if (body.charCodeAt(first) !== openBrace) return undefined;
    // The separator: `},{` and the first item's first key, e.g. `},{"id":`.
    const keyEnd = body.charCodeAt(first + 1) === quote ? jsonStringEnd(body, first + 1) : -1;
    if (keyEnd < 0 || body.charCodeAt(keyEnd) !== colon) return undefined;
    separator = `},${body.slice(first, keyEnd + 1)}`;
    let start = first;
    try {
      for (;;) {
        const next = body.indexOf(separator, start);
        if (next < 0) break;
        const text = body.slice(start, next + 1);
        items.push(JSON.parse(text));
        texts.push(text);
        start = next + 2;
      }
      const lastEnd = valueEnd(body, start);
      if (body.charCodeAt(lastEnd) !== closeBracket) return undefined;
      const text = body.slice(start, lastEnd);
      items.push(JSON.parse(text));
      texts.push(text);
      arrayEnd = lastEnd;
    } catch {
      return undefined; // a split inside an item, or items with another first key
    }
  }
  const rest = body.slice(arrayEnd + 1);
  // Another `key` further on would win in JSON.parse; leave that to the slow path.
  if (rest.includes(JSON.stringify(key)) || rest.includes('\\u')) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(`${prefix}]${rest}`);
  } catch {
    return undefined;
  }
  (json as Record<string, unknown>)[key] = items;
  return { json, texts, array: { prefix, separator, count: items.length, tail: body.slice(arrayEnd) } };
}

/**
 * The source text of each item of a body that has passed validation, `items` being what
 * `JSON.parse` made of its `key` array. The scanner agrees with `JSON.parse` on every valid
 * body (a property test checks it); should it ever not (a count that differs), the items
 * are serialised instead, so the texts stay right.
 */
export function itemTextsOf(bodyText: string, key: string, items: readonly unknown[]): readonly string[] {
  const texts = arrayItemTexts(bodyText, key);
  return texts !== undefined && texts.length === items.length
    ? texts
    : items.map((item) => JSON.stringify(item));
}
