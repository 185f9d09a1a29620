import type { SortField, SortKey } from '@csbs-kit/models';
import { rankNumbers } from './rank-numbers.js';

export interface ViewOrder {
  /** The fields as stored (first ascending), ending with the id tie-break. */
  fields: SortField[];
  /** Read the stored view backwards. */
  reversed: boolean;
  spec: string;
}

/**
 * Maps a requested sort to the stored view that serves it and the reading direction: the
 * id tie-break follows the last key's direction, so flipping every direction is the same
 * view read backwards, and a view is stored with its first key ascending.
 */
export function viewOrderOf(requested: readonly SortField[]): ViewOrder {
  const fields = [...requested];
  const last = fields[fields.length - 1];
  if (!fields.some((f) => f.key === 'id')) fields.push({ key: 'id', direction: last?.direction ?? 'desc' });
  const reversed = fields[0]?.direction === 'desc';
  const stored = reversed
    ? fields.map((f) => ({
        key: f.key,
        direction: f.direction === 'asc' ? ('desc' as const) : ('asc' as const),
      }))
    : fields;
  // Keys after `id` can never decide an order: ids are unique.
  const idAt = stored.findIndex((f) => f.key === 'id');
  const effective = stored.slice(0, idAt + 1);
  return { fields: effective, reversed, spec: effective.map((f) => `${f.key}:${f.direction}`).join(',') };
}

/**
 * The rows of one scope in one stored order (first key ascending, see `viewOrderOf`):
 * `order[rank]` is a row, `rankOf[row]` its rank. Reading `order` backwards gives the order
 * with every direction flipped. A marker is found by `rankOf`, with no search.
 */
export interface SortView {
  readonly spec: string;
  readonly order: Uint32Array;
  readonly rankOf: Uint32Array;
}

/** Each sort key's dense value rank per row (`id` ranks are unique). */
export type ValueRanks = Readonly<Record<SortKey, Uint32Array>>;

function inverse(order: Uint32Array): Uint32Array {
  const rankOf = new Uint32Array(order.length);
  for (let rank = 0; rank < order.length; rank++) rankOf[order[rank]!] = rank;
  return rankOf;
}

/**
 * Builds the stored view for `fields` (the output of `viewOrderOf`: first key ascending,
 * ending with `id`). Every comparison is on integer ranks, folded key by key into one
 * number and sorted by the engine's native numeric sort; no string is compared here.
 */
export function buildSortView(spec: string, fields: readonly SortField[], ranks: ValueRanks): SortView {
  const idRanks = ranks.id;
  const n = idRanks.length;
  const shift = 2 ** Math.max(1, Math.ceil(Math.log2(n + 1)));
  const idOrder = inverse(idRanks);
  const last = fields[fields.length - 1]!;
  if (fields.length === 1) {
    const order = last.direction === 'asc' ? idOrder : idOrder.slice().reverse();
    return { spec, order, rankOf: inverse(order) };
  }
  const signed = (values: Uint32Array, field: SortField, row: number) =>
    field.direction === 'asc' ? values[row]! : n - 1 - values[row]!;
  let folded = ranks[fields[0]!.key];
  for (let k = 1; k < fields.length - 1; k++) {
    const field = fields[k]!;
    const values = ranks[field.key];
    const keys = new Float64Array(n);
    for (let row = 0; row < n; row++) keys[row] = folded[row]! * shift + signed(values, field, row);
    folded = rankNumbers(keys);
  }
  const keys = new Float64Array(n);
  for (let row = 0; row < n; row++) keys[row] = folded[row]! * shift + signed(idRanks, last, row);
  keys.sort();
  const order = new Uint32Array(n);
  for (let rank = 0; rank < n; rank++) {
    const idPart = keys[rank]! % shift;
    order[rank] = idOrder[last.direction === 'asc' ? idPart : n - 1 - idPart]!;
  }
  return { spec, order, rankOf: inverse(order) };
}
