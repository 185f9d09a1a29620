import type { CheckpointItem, SortField, SortKey } from '@csbs-kit/models';
import { sortValueOf } from './item-fields.js';

/**
 * The items of one scope in one sort order, as positions into the scope's item array. A view
 * is stored for the order whose first key ascends; the order with every direction flipped is
 * the same array read backwards, since the id tie-break follows the last key's direction.
 */
export interface SortView {
  /** Canonical sort with the first key ascending, e.g. `created_at:asc,id:asc`. */
  readonly spec: string;
  readonly order: Uint32Array;
  /** Compares an item position with a (sort values, id) probe, in the view's order. */
  compareAt(position: number, probe: SortProbe): number;
}

export interface SortProbe {
  values: string[];
  id: string;
}

export interface ViewOrder {
  /** The fields as stored (first ascending), with the id tie-break appended when missing. */
  fields: SortField[];
  /** Read the stored view backwards. */
  reversed: boolean;
  spec: string;
}

/** Maps a requested sort to the stored view that serves it and the reading direction. */
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

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Builds a view: sorts positions once, on the precomputed sort values of every item. */
export function buildSortView(items: readonly CheckpointItem[], order: ViewOrder): SortView {
  const keys = order.fields.map((f) => f.key) as SortKey[];
  const signs = order.fields.map((f) => (f.direction === 'asc' ? 1 : -1));
  const columns = keys.map((key) => items.map((item) => sortValueOf(item, key)));
  const positions = new Uint32Array(items.length);
  for (let i = 0; i < positions.length; i++) positions[i] = i;
  const n = columns.length;
  positions.sort((a, b) => {
    for (let k = 0; k < n; k++) {
      const column = columns[k]!;
      const c = compareText(column[a]!, column[b]!);
      if (c !== 0) return c * signs[k]!;
    }
    return 0;
  });
  return {
    spec: order.spec,
    order: positions,
    compareAt(position, probe) {
      for (let k = 0; k < n; k++) {
        const c = compareText(columns[k]![position]!, probe.values[k]!);
        if (c !== 0) return c * signs[k]!;
      }
      return 0;
    },
  };
}

/** The probe of an item: its values under the view's keys. */
export function probeOf(item: CheckpointItem, order: ViewOrder): SortProbe {
  return { values: order.fields.map((f) => sortValueOf(item, f.key)), id: item.id };
}

/** Index in `view.order` of the item equal to the probe (the view is a total order). */
export function findInView(view: SortView, probe: SortProbe): number {
  let lo = 0;
  let hi = view.order.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = view.compareAt(view.order[mid]!, probe);
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
