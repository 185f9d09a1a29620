import type { IdBytes } from './id-bytes.js';
import type { ItemRows } from './item-rows.js';

/**
 * The row of the backup with `id`, by binary search over the rows in id order (the
 * listing's `id` view: UTF-16 code-unit order, ids unique within a scope). About twenty
 * comparisons at a million backups, and no id map: a `Map` of a million ids costs ~50 MB
 * and a second of load. With the ids as bytes (`bytes`, the rows' own ids) the wanted
 * text is compared with the bytes in place; otherwise each probe makes the row's id string
 * (~0.3 µs each, a sixth of a marker page's plan).
 */
export function rowOfId(
  rows: ItemRows,
  idOrder: Uint32Array,
  id: string,
  bytes?: IdBytes | undefined,
): number | undefined {
  if (bytes !== undefined) return rowOfIdBytes(bytes, idOrder, id);
  let lo = 0;
  let hi = idOrder.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows.idAt(idOrder[mid]!) < id) lo = mid + 1;
    else hi = mid;
  }
  if (lo === idOrder.length) return undefined;
  const row = idOrder[lo]!;
  return rows.idAt(row) === id ? row : undefined;
}

/**
 * The id of `row` against `text` in code-unit order: negative, 0 or positive. Id bytes are
 * ASCII, so each byte is the code unit its string would hold.
 */
function compareIdBytes(ids: IdBytes, row: number, text: string): number {
  const { bytes, width } = ids;
  const at = row * width;
  const common = Math.min(width, text.length);
  for (let i = 0; i < common; i++) {
    const d = bytes[at + i]! - text.charCodeAt(i);
    if (d !== 0) return d;
  }
  return width - text.length;
}

/** Ranks of the id order between two samples (see `samplesOf`). */
const sampleEvery = 64;
/** Leading code units of a sample's key: 258^6 is below 2^53, so a key is an exact double. */
const keyUnits = 6;

/**
 * The first `keyUnits` code units of a text as one number, in the texts' order: a unit u
 * counts as u + 1 and a missing one as 0 (a shorter text comes first), and any unit past
 * 255 as 257, above every byte (the comparison is then decided at or before it).
 */
function keyOf(unitAt: (i: number) => number, length: number): number {
  let key = 0;
  for (let i = 0; i < keyUnits; i++) key = key * 258 + (i < length ? Math.min(unitAt(i), 256) + 1 : 0);
  return key;
}

/** The key of every `sampleEvery`-th id of the order: a search of them is in cache. */
const samples = new WeakMap<Uint32Array, Float64Array>();

function samplesOf(ids: IdBytes, idOrder: Uint32Array): Float64Array {
  let keys = samples.get(idOrder);
  if (keys === undefined) {
    const { bytes, width } = ids;
    keys = new Float64Array(Math.ceil(idOrder.length / sampleEvery));
    for (let k = 0; k < keys.length; k++) {
      const at = idOrder[k * sampleEvery]! * width;
      keys[k] = keyOf((i) => bytes[at + i]!, width);
    }
    samples.set(idOrder, keys);
  }
  return keys;
}

/**
 * The id order's ranks that may hold the first id not below `id`, from the samples: a
 * sample whose key is below the wanted key is below the id, one above it is above it. The
 * search over a million ids then probes ~6 rows at random, not ~20 (each probe a row and
 * its bytes, two cache misses).
 */
function rangeOf(ids: IdBytes, idOrder: Uint32Array, id: string): [number, number] {
  const keys = samplesOf(ids, idOrder);
  const wanted = keyOf((i) => id.charCodeAt(i), id.length);
  let below = 0;
  let hi = keys.length;
  while (below < hi) {
    const mid = (below + hi) >>> 1;
    if (keys[mid]! < wanted) below = mid + 1;
    else hi = mid;
  }
  let above = below;
  hi = keys.length;
  while (above < hi) {
    const mid = (above + hi) >>> 1;
    if (keys[mid]! <= wanted) above = mid + 1;
    else hi = mid;
  }
  // Samples [0, below) are below the id, samples [above, …) above it.
  const lo = below === 0 ? 0 : (below - 1) * sampleEvery + 1;
  return [lo, Math.min(idOrder.length, above * sampleEvery)];
}

function rowOfIdBytes(ids: IdBytes, idOrder: Uint32Array, id: string): number | undefined {
  let [lo, hi] = rangeOf(ids, idOrder, id);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareIdBytes(ids, idOrder[mid]!, id) < 0) lo = mid + 1;
    else hi = mid;
  }
  if (lo === idOrder.length) return undefined;
  const row = idOrder[lo]!;
  return compareIdBytes(ids, row, id) === 0 ? row : undefined;
}
