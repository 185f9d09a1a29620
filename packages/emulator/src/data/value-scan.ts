/*
 * The token scan behind `item-source.ts`: one JSON value at a time, telling whether its text
 * is exactly what `JSON.stringify` writes for its parse (no whitespace outside strings,
 * strings and numbers in `JSON.stringify`'s form, no key starting with a digit, which
 * `JSON.parse` moves first), counting its keys (the caller compares them with the parse's,
 * which folds a duplicate key) and finding its top-level `tags` value.
 *
 * The scanner tracks nesting, strings, numbers and commas, and trusts the rest of the
 * grammar: on text that is not JSON it still ends (or throws `UnexpectedText`), but what it
 * finds there means nothing until the caller's parses have accepted the text. Strings are
 * skipped with `indexOf('"')`.
 */
import { jsonStringEnd } from '@csbs-kit/models';

const quote = 0x22;
const comma = 0x2c;
const colon = 0x3a;
export const openBrace = 0x7b;
const closeBrace = 0x7d;
export const openBracket = 0x5b;
const closeBracket = 0x5d;
const zero = 0x30;
const nine = 0x39;
const minus = 0x2d;

const isWhitespace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const isDigit = (c: number) => c >= zero && c <= nine;

/** One project's items as found in the file, by item index. */
export interface ScannedItems {
  /** `[start, end)` of each item's text. */
  readonly starts: number[];
  readonly ends: number[];
  /** Keys counted in the item's text (every level), or -1 when its text is not canonical. */
  readonly keys: number[];
  /** `[start, end)` of the item's top-level `tags` value, or -1 when it has none. */
  readonly tagsStarts: number[];
  readonly tagsEnds: number[];
}

/** Whether the number text is what `JSON.stringify` writes for its value. */
function canonicalNumber(token: string): boolean {
  const n = token.length;
  let i = token.charCodeAt(0) === minus ? 1 : 0;
  // The common case without a conversion: a short integer with no leading zero, not -0.
  if (
    n - i <= 15 &&
    (token.charCodeAt(i) !== zero || n - i === 1) &&
    !(i === 1 && n === 2 && token.charCodeAt(1) === zero)
  ) {
    for (; i < n; i++) if (!isDigit(token.charCodeAt(i))) break;
    if (i === n) return true;
  }
  return JSON.stringify(Number(token)) === token;
}

/** What the scan of one value found. */
export class ValueScan {
  canonical = true;
  keys = 0;
  tagsStart = -1;
  tagsEnd = -1;
  /** The next backslash at or after the scan position (the text's length when none): kept across values, so each is found once. */
  nextBackslash = -1;
}

/**
 * Scans the value at `start` and returns the index just past it. `scan` collects whether
 * its text is canonical, its key count, and the range of its top-level `tags` value.
 */
export function scanValue(json: string, start: number, scan: ValueScan): number {
  scan.canonical = true;
  scan.keys = 0;
  scan.tagsStart = -1;
  scan.tagsEnd = -1;
  // Per depth: whether the container is an object; at depth 1, whether the value now read is `tags`.
  const inObject: boolean[] = [];
  let depth = 0;
  let expectKey = false;
  let tagsOpen = false;
  const n = json.length;
  let nextBackslash = scan.nextBackslash;
  if (nextBackslash < start) {
    nextBackslash = json.indexOf('\\', start);
    if (nextBackslash < 0) nextBackslash = n;
  }
  let i = start;
  while (i < n) {
    const c = json.charCodeAt(i);
    if (c === quote) {
      // Most strings hold no backslash before their closing quote: one search finds the end.
      const close = json.indexOf('"', i + 1);
      // (No closing quote at all: text that is not JSON, which a load checks by parsing.)
      const end = close >= 0 && close < nextBackslash ? close + 1 : jsonStringEnd(json, i);
      if (nextBackslash < end) {
        const literal = json.slice(i, end);
        if (JSON.stringify(JSON.parse(literal)) !== literal) scan.canonical = false;
        nextBackslash = json.indexOf('\\', end);
        if (nextBackslash < 0) nextBackslash = n;
      }
      if (expectKey) {
        scan.keys++;
        if (isDigit(json.charCodeAt(i + 1))) scan.canonical = false;
        if (depth === 1 && end - i === 6 && json.startsWith('"tags"', i)) {
          tagsOpen = true;
          scan.tagsStart = end + 1;
        }
        expectKey = false;
        // A compact key is followed by its colon: step over it here, sparing a turn.
        i = json.charCodeAt(end) === colon ? end + 1 : end;
        continue;
      }
      i = end;
      if (depth === 0) break;
      continue;
    }
    if (c === openBrace || c === openBracket) {
      depth++;
      inObject[depth] = c === openBrace;
      expectKey = c === openBrace;
      i++;
      continue;
    }
    if (c === closeBrace || c === closeBracket) {
      if (depth === 1 && tagsOpen) {
        scan.tagsEnd = i;
        tagsOpen = false;
      }
      depth--;
      i++;
      if (depth === 0) break;
      continue;
    }
    if (c === comma) {
      if (depth === 1 && tagsOpen) {
        scan.tagsEnd = i;
        tagsOpen = false;
      }
      expectKey = inObject[depth] === true;
      i++;
      continue;
    }
    if (c === colon) {
      i++;
      continue;
    }
    if (isWhitespace(c)) {
      scan.canonical = false;
      i++;
      continue;
    }
    // `true`, `false` or `null` (valid JSON: the letter says which), else a number.
    if (c === 0x74 || c === 0x6e) {
      i += 4;
      if (depth === 0) break;
      continue;
    }
    if (c === 0x66) {
      i += 5;
      if (depth === 0) break;
      continue;
    }
    // A short integer without a leading zero (and not -0) is canonical as it stands; only
    // other numbers are cut out and converted.
    let end = c === minus ? i + 1 : i;
    const digitsFrom = end;
    while (end < n && isDigit(json.charCodeAt(end))) end++;
    const digits = end - digitsFrom;
    const plain = digits <= 15 && (json.charCodeAt(digitsFrom) !== zero || (digits === 1 && c !== minus));
    const d = json.charCodeAt(end);
    if (end < n && d !== comma && d !== closeBrace && d !== closeBracket && !isWhitespace(d)) {
      while (end < n) {
        const e = json.charCodeAt(end);
        if (e === comma || e === closeBrace || e === closeBracket || isWhitespace(e)) break;
        end++;
      }
      if (!canonicalNumber(json.slice(i, end))) scan.canonical = false;
    } else if (!plain && !canonicalNumber(json.slice(i, end))) {
      scan.canonical = false;
    }
    i = end;
    if (depth === 0) break;
  }
  scan.nextBackslash = nextBackslash;
  return i;
}

export function skipWhitespace(json: string, i: number): number {
  while (isWhitespace(json.charCodeAt(i))) i++;
  return i;
}

/** Reads the key at `i` (a string literal); returns it decoded and the index past its `:`. */
function readKey(json: string, i: number): [string, number] {
  const end = jsonStringEnd(json, i);
  const inner = json.slice(i + 1, end - 1);
  const key = inner.includes('\\') ? (JSON.parse(json.slice(i, end)) as string) : inner;
  const colonAt = skipWhitespace(json, end);
  expect(json, colonAt, colon);
  return [key, skipWhitespace(json, colonAt + 1)];
}

/** Not the JSON the scan expects: a load that meets it parses the whole file instead. */
class UnexpectedText extends SyntaxError {
  readonly code = 'UNEXPECTED_DATA_TEXT';
}

/** The character at `i`, which must be `c` (text not yet parsed may be anything). */
function expect(json: string, i: number, c: number): void {
  if (json.charCodeAt(i) !== c) throw new UnexpectedText(`expected ${String.fromCharCode(c)} at ${i}`);
}

/**
 * Calls `visit(key, valueStart)` for each member of the object at `i`; `visit` returns the
 * index past the value. Returns the index past the object. Throws `UnexpectedText` where
 * the punctuation is not JSON's, so that a scan of text not yet parsed always ends.
 */
export function members(json: string, i: number, visit: (key: string, at: number) => number): number {
  i = skipWhitespace(json, i + 1);
  if (json.charCodeAt(i) === closeBrace) return i + 1;
  for (;;) {
    expect(json, i, quote);
    const [key, at] = readKey(json, i);
    i = skipWhitespace(json, visit(key, at));
    if (json.charCodeAt(i) === closeBrace) return i + 1;
    expect(json, i, comma);
    i = skipWhitespace(json, i + 1);
  }
}

/** Scans the array of items at `i`; returns them and the index past the array. */
export function scanItems(json: string, i: number, scan: ValueScan): [ScannedItems, number] {
  const out: ScannedItems = { starts: [], ends: [], keys: [], tagsStarts: [], tagsEnds: [] };
  i = skipWhitespace(json, i + 1);
  if (json.charCodeAt(i) === closeBracket) return [out, i + 1];
  for (;;) {
    const end = scanValue(json, i, scan);
    out.starts.push(i);
    out.ends.push(end);
    out.keys.push(scan.canonical ? scan.keys : -1);
    out.tagsStarts.push(scan.tagsEnd >= 0 ? scan.tagsStart : -1);
    out.tagsEnds.push(scan.tagsEnd);
    i = skipWhitespace(json, end);
    if (json.charCodeAt(i) === closeBracket) return [out, i + 1];
    expect(json, i, comma);
    i = skipWhitespace(json, i + 1);
  }
}
