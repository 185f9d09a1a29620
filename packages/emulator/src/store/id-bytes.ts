import { radixOrder } from './rank-numbers.js';
import type { Codes } from './string-column.js';
import { identityOf } from './string-column.js';

/**
 * Fixed-width ASCII ids (generated uuids: 36 bytes) of every row in one typed array, rather
 * than a JS string each: at a million backups two million id strings were ~130 MiB of heap
 * for the collector to mark and copy, and each page copied them character by character. The
 * bytes are written into pages as they are; a string is made only when an API needs one (a
 * marker, a single item), and look-ups compare bytes with the wanted text's characters.
 */
export class IdBytes {
  readonly size: number;
  readonly width: number;
  readonly bytes: Uint8Array;
  readonly #text: Buffer;

  constructor(size: number, width = 36) {
    this.size = size;
    this.width = width;
    this.bytes = new Uint8Array(size * width);
    this.#text = Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.bytes.length);
  }

  /** The id of `row` as a string (made on demand). */
  textAt(row: number): string {
    const at = row * this.width;
    return this.#text.toString('latin1', at, at + this.width);
  }

  /** Whether the id of `row` is `text`, without making a string. */
  equals(row: number, text: string): boolean {
    const w = this.width;
    if (text.length !== w) return false;
    const bytes = this.bytes;
    const at = row * w;
    for (let i = 0; i < w; i++) if (bytes[at + i] !== text.charCodeAt(i)) return false;
    return true;
  }
}

/**
 * The ids as bytes when every one is of one width and ASCII (the order of their bytes is
 * then their text order), else `undefined`.
 */
export function idBytesOf(ids: readonly string[]): IdBytes | undefined {
  const n = ids.length;
  if (n === 0) return undefined;
  const width = ids[0]!.length;
  if (width === 0) return undefined;
  const out = new IdBytes(n, width);
  const bytes = out.bytes;
  for (let row = 0; row < n; row++) {
    const id = ids[row]!;
    if (id.length !== width) return undefined;
    const at = row * width;
    for (let i = 0; i < width; i++) {
      const c = id.charCodeAt(i);
      if (c > 0x7f) return undefined;
      bytes[at + i] = c;
    }
  }
  return out;
}

/** Ids as strings or bytes, as `ListingFields` holds them. */
export type IdValues = readonly string[] | IdBytes;

/**
 * Several scopes' ids one after the other (`all_tenants`): bytes when every part is bytes
 * of one width, else strings.
 */
export function concatIds(parts: readonly IdValues[]): IdValues {
  const first = parts[0];
  if (
    first instanceof IdBytes &&
    parts.every((part) => part instanceof IdBytes && part.width === first.width)
  ) {
    const all = new IdBytes(
      parts.reduce((sum, part) => sum + (part as IdBytes).size, 0),
      first.width,
    );
    let at = 0;
    for (const part of parts as readonly IdBytes[]) {
      all.bytes.set(part.bytes, at);
      at += part.bytes.length;
    }
    return all;
  }
  return parts.flatMap((part) =>
    part instanceof IdBytes ? Array.from({ length: part.size }, (_, row) => part.textAt(row)) : [...part],
  );
}

/** `a`'s id against `b`'s from byte `from` on: negative, 0 or positive (byte order is the text order of ASCII). */
function compareFrom(bytes: Uint8Array, width: number, a: number, b: number, from: number): number {
  const pa = a * width;
  const pb = b * width;
  for (let i = from; i < width; i++) {
    const d = bytes[pa + i]! - bytes[pb + i]!;
    if (d !== 0) return d;
  }
  return 0;
}

const keyBytes = 6;
/** Past this many ids sharing their first `keyBytes`, a run is sorted by a comparator. */
const longRun = 16;

/**
 * Dense ranks of the ids in text order (as `rankTexts` gives for their strings): a radix
 * sort of each id's first six bytes as a 48-bit number, then the few runs whose six bytes
 * tie ordered by their remaining bytes. No strings, no comparator over a million items.
 */
export function rankIdBytes(ids: IdBytes): Uint32Array {
  const { size: n, width, bytes } = ids;
  const head = Math.min(keyBytes, width);
  const keys = new Float64Array(n);
  for (let row = 0; row < n; row++) {
    let key = 0;
    const at = row * width;
    for (let i = 0; i < head; i++) key = key * 256 + bytes[at + i]!;
    keys[row] = key;
  }
  const order = radixOrder(keys);
  // Runs of equal keys: an insertion sort by the rest (they are short; random ids rarely
  // tie), or a comparator sort where ids share a long prefix (`backup-000001`, …).
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && keys[order[end]!] === keys[order[start]!]) end++;
    if (end - start > longRun) {
      const run = Array.from(order.subarray(start, end));
      run.sort((a, b) => compareFrom(bytes, width, a, b, head));
      order.set(run, start);
      start = end;
      continue;
    }
    for (let i = start + 1; i < end; i++) {
      const row = order[i]!;
      let j = i - 1;
      while (j >= start && compareFrom(bytes, width, order[j]!, row, head) > 0) {
        order[j + 1] = order[j]!;
        j--;
      }
      order[j + 1] = row;
    }
    start = end;
  }
  const ranks = new Uint32Array(n);
  let rank = 0;
  for (let i = 0; i < n; i++) {
    if (
      i > 0 &&
      (keys[order[i]!] !== keys[order[i - 1]!] ||
        compareFrom(bytes, width, order[i - 1]!, order[i]!, head) !== 0)
    )
      rank++;
    ranks[order[i]!] = rank;
  }
  return ranks;
}

/**
 * Bytes hashed per id: a uuid's first twelve are 44 random bits, plenty to spread a million
 * over the table, and a third of the hashing of all 36 (the rest is compared on a hit).
 */
const hashedBytes = 12;

/** FNV-1a over the first `hashedBytes` bytes of the id at `at`. */
function hashBytes(bytes: Uint8Array, at: number, width: number): number {
  let h = 0x811c9dc5;
  const end = Math.min(width, hashedBytes);
  for (let i = 0; i < end; i++) h = Math.imul(h ^ bytes[at + i]!, 0x01000193);
  return h >>> 0;
}

/** `hashBytes` of a text as long as an id (its code units in place of bytes). */
function hashText(text: string): number {
  let h = 0x811c9dc5;
  const end = Math.min(text.length, hashedBytes);
  for (let i = 0; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * An exact filter over ids that are all distinct (generated checkpoint ids), answered from
 * their bytes: the code of a value is its row, found by an open-addressing table of rows
 * (4 bytes a slot, at most half full). The same face as `StringColumn` for the conditions.
 */
export class IdBytesColumn {
  readonly codes: Codes;
  readonly #ids: IdBytes;
  readonly #rows: Uint32Array;
  /** row + 1 per slot, 0 for an empty one. */
  readonly #slots: Int32Array;

  constructor(ids: IdBytes) {
    const n = ids.size;
    this.#ids = ids;
    this.#rows = identityOf(n + 1).subarray(0, n);
    this.codes = this.#rows;
    let size = 16;
    while (size < 2 * n) size *= 2;
    const slots = new Int32Array(size);
    const mask = size - 1;
    const { bytes, width } = ids;
    for (let row = 0; row < n; row++) {
      let slot = hashBytes(bytes, row * width, width) & mask;
      while (slots[slot] !== 0) {
        if (compareFrom(bytes, width, slots[slot]! - 1, row, 0) === 0)
          throw new Error('generated ids are expected to be distinct');
        slot = (slot + 1) & mask;
      }
      slots[slot] = row + 1;
    }
    this.#slots = slots;
  }

  /** The row holding `value`, or -1 when none does. */
  codeOf(value: string): number {
    if (value.length !== this.#ids.width) return -1;
    const slots = this.#slots;
    const mask = slots.length - 1;
    for (let slot = hashText(value) & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot]!;
      if (entry === 0) return -1;
      if (this.#ids.equals(entry - 1, value)) return entry - 1;
    }
  }

  countOf(_code: number): number {
    return 1;
  }

  rowsOf(code: number): Uint32Array {
    return this.#rows.subarray(code, code + 1);
  }
}
