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

function rowOfIdBytes(ids: IdBytes, idOrder: Uint32Array, id: string): number | undefined {
  let lo = 0;
  let hi = idOrder.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareIdBytes(ids, idOrder[mid]!, id) < 0) lo = mid + 1;
    else hi = mid;
  }
  if (lo === idOrder.length) return undefined;
  const row = idOrder[lo]!;
  return compareIdBytes(ids, row, id) === 0 ? row : undefined;
}
