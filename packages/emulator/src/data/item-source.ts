/*
 * The source text of every checkpoint item in a data file, so that the load can keep each
 * item's JSON by slicing the file instead of `JSON.stringify` of the parsed object (which
 * cost as much as the parse itself). An answer must stay byte for byte `JSON.stringify` of
 * the parsed item, so a slice is only offered when the scan can tell it is that text:
 * no whitespace outside strings, every string and number already in the form
 * `JSON.stringify` writes, no key that starts with a digit (integer-like keys are reordered
 * by `JSON.parse`), and — checked against the parsed item by the caller, `countKeys` — no
 * duplicate key. Any other item gets `undefined` and is serialised as before.
 *
 * The text must already have passed `JSON.parse`: the scanner trusts the grammar and only
 * tracks nesting, strings, numbers and commas. Strings are skipped with `indexOf('"')`.
 */
import { jsonStringEnd } from '@csbs-kit/models';

const quote = 0x22;
const comma = 0x2c;
const colon = 0x3a;
const openBrace = 0x7b;
const closeBrace = 0x7d;
const openBracket = 0x5b;
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
class ValueScan {
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
function scanValue(json: string, start: number, scan: ValueScan): number {
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

function skipWhitespace(json: string, i: number): number {
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
function members(json: string, i: number, visit: (key: string, at: number) => number): number {
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
function scanItems(json: string, i: number, scan: ValueScan): [ScannedItems, number] {
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
  if (typeof value !== 'object' || value === null) return 0;
  let keys = 0;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) keys += countKeys(value[i]);
    return keys;
  }
  for (const key in value) {
    keys += 1 + countKeys((value as Record<string, unknown>)[key]);
  }
  return keys;
}
