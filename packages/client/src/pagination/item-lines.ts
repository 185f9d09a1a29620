/*
 * A page's items as NDJSON bytes, made from the body's own bytes: each item's source text
 * followed by a line feed. Writing these out costs a `write` of bytes the client already
 * holds, where joining the item texts and encoding them again as UTF-8 cost a walk about a
 * tenth of its time (the CLI's ndjson, bench/cli/run.ts `walk`).
 *
 * Only for a compact body that `parseBodyWithTexts` split, which found its items at every
 * `separator` (`},{"id":` and the like) and nowhere else. The separator is ASCII, and UTF-8
 * never encodes other characters with ASCII bytes, so its occurrences in the bytes are the
 * same ones in the same order: item boundaries, each with its comma one byte in.
 */

import { isUtf8 } from 'node:buffer';

const lineFeed = 0x0a;
const carriageReturn = 0x0d;
const comma = 0x2c;
const closeBracket = 0x5d;

export interface CompactArray {
  /** The text before the first item: `{"checkpoint_items":[`. */
  prefix: string;
  /** What separates items, from the `}` ending one to the first key of the next. */
  separator: string;
  /** Items in the array. */
  count: number;
  /** The text from the array's `]` to the end of the body. */
  tail: string;
}

/**
 * NDJSON of the items, written over `bytes` (the body whose text `array` describes): each
 * separating comma, and the array's `]`, become line feeds, and the answer is a view of
 * `bytes` from the first item to that last line feed. `bytes` must be the caller's own
 * copy; they no longer spell the body afterwards. `undefined`, and `bytes` untouched, when
 * - the bytes are not valid UTF-8 (the text has U+FFFD where they are broken, and the
 *   lines must say what the text says; byte offsets would no longer match it either);
 * - they do not start as the text does (a byte-order mark);
 * - the items hold raw line breaks (a pretty-printing server: one line per item needs
 *   them gone).
 */
export function itemLinesOver(bytes: Uint8Array, array: CompactArray): Uint8Array | undefined {
  if (!isUtf8(bytes) || !startsWith(bytes, array.prefix)) return undefined;
  const start = array.prefix.length;
  const end = bytes.length - Buffer.byteLength(array.tail);
  if (end < start || bytes[end] !== closeBracket) return undefined;
  if (array.count === 0) return bytes.subarray(start, start);
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (occurs(view, lineFeed, start, end) || occurs(view, carriageReturn, start, end)) return undefined;
  const separator = Buffer.from(array.separator);
  const commaAt: number[] = [];
  let from = start;
  for (let k = 1; k < array.count; k++) {
    const at = view.indexOf(separator, from);
    if (at < 0 || at >= end || view[at + 1] !== comma) return undefined;
    commaAt.push(at + 1);
    from = at + 2;
  }
  const further = view.indexOf(separator, from);
  if (further >= 0 && further < end) return undefined;
  for (const at of commaAt) bytes[at] = lineFeed;
  bytes[end] = lineFeed;
  return bytes.subarray(start, end + 1);
}

/** Whether `bytes` start with `ascii` (one byte a character). */
function startsWith(bytes: Uint8Array, ascii: string): boolean {
  if (bytes.length < ascii.length) return false;
  for (let i = 0; i < ascii.length; i++) if (bytes[i] !== ascii.charCodeAt(i)) return false;
  return true;
}

/** Whether `byte` occurs in `view[start, end)`. */
function occurs(view: Buffer, byte: number, start: number, end: number): boolean {
  const at = view.indexOf(byte, start);
  return at >= 0 && at < end;
}
