import type { ItemRows } from './item-rows.js';

/**
 * The row of the backup with `id`, by binary search over the rows in id order (the
 * listing's `id` view: UTF-16 code-unit order, ids unique within a scope). About twenty
 * string comparisons at a million backups, and no id map: a `Map` of a million ids costs
 * ~50 MB and a second of load.
 */
export function rowOfId(rows: ItemRows, idOrder: Uint32Array, id: string): number | undefined {
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
