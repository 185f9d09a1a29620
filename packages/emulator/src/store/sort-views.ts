import type { SortField, SortKey } from '@csbs-kit/models';
import { takeValueOrder } from './rank-numbers.js';

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

/** The rows in id order, per id rank array: every view starts from it (six at load). */
const idOrders = new WeakMap<Uint32Array, Uint32Array>();

function idOrderOf(idRanks: Uint32Array): Uint32Array {
  let order = idOrders.get(idRanks);
  if (order === undefined) {
    order = inverse(idRanks);
    idOrders.set(idRanks, order);
  }
  return order;
}

/**
 * `order` stably re-sorted by `values[row]` (dense ranks), into `out`: a counting sort, two
 * linear passes, so rows that tie on this key keep the order the later keys gave them.
 */
function countingSortBy(
  order: Uint32Array,
  values: Uint32Array,
  descending: boolean,
  out: Uint32Array,
): void {
  const n = order.length;
  let max = 0;
  for (let row = 0; row < n; row++) if (values[row]! > max) max = values[row]!;
  const starts = new Uint32Array(max + 2);
  for (let row = 0; row < n; row++) starts[(descending ? max - values[row]! : values[row]!) + 1]!++;
  for (let v = 0; v <= max; v++) starts[v + 1]! += starts[v]!;
  for (let i = 0; i < n; i++) {
    const row = order[i]!;
    out[starts[descending ? max - values[row]! : values[row]!]!++] = row;
  }
}

/** Re-sorts, by id rank, each run of rows in `order` that share a value rank (in place). */
function breakTiesById(order: Uint32Array, values: Uint32Array, idRanks: Uint32Array): void {
  let start = 0;
  for (let i = 1; i <= order.length; i++) {
    if (i < order.length && values[order[i]!] === values[order[start]!]) continue;
    if (i - start > 1) order.subarray(start, i).sort((a, b) => idRanks[a]! - idRanks[b]!);
    start = i;
  }
}

/**
 * Builds the stored view for `fields` (the output of `viewOrderOf`: first key ascending,
 * ending with `id`). Every comparison is on integer ranks: the rows in id order, then one
 * stable counting sort per further key, last key first (an LSD sort), so the first key
 * decides and each later one breaks the ties of those before it. No string is compared here.
 */
export function buildSortView(spec: string, fields: readonly SortField[], ranks: ValueRanks): SortView {
  const idOrder = idOrderOf(ranks.id);
  const last = fields[fields.length - 1]!;
  const first = fields[0]!;
  if (fields.length === 2 && first.direction === 'asc' && last.direction === 'asc') {
    // A time key ranked by a radix sort comes with its order: only ties need the ids.
    const byValue = takeValueOrder(ranks[first.key]);
    if (byValue !== undefined) {
      breakTiesById(byValue, ranks[first.key], ranks.id);
      return { spec, order: byValue, rankOf: inverse(byValue) };
    }
  }
  // The id order itself: its ranks are the id ranks (both read-only, so shared).
  if (fields.length === 1 && last.direction === 'asc') return { spec, order: idOrder, rankOf: ranks.id };
  let order: Uint32Array = last.direction === 'asc' ? idOrder : idOrder.slice().reverse();
  // Two buffers taking turns; the shared id order is only ever read.
  let spare: Uint32Array | undefined;
  for (let k = fields.length - 2; k >= 0; k--) {
    const field = fields[k]!;
    const out = spare ?? new Uint32Array(order.length);
    countingSortBy(order, ranks[field.key], field.direction === 'desc', out);
    spare = order === idOrder ? undefined : order;
    order = out;
  }
  return { spec, order, rankOf: inverse(order) };
}
