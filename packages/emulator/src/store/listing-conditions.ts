import type { CountCheckpointItemsQuery } from '@csbs-kit/models';
import type { IdBytesColumn } from './id-bytes.js';
import { normalizeTime } from './item-fields.js';
import type { NameGrams } from './name-grams.js';
import type { SortView } from './sort-views.js';
import type { StringColumn } from './string-column.js';

/** What an exact filter reads of a column: a value's code, its rows, each row's code. */
type ExactColumn = StringColumn | IdBytesColumn;

/**
 * One listing filter, answered from an index: exactly how many rows pass it, a cheap test
 * of one row, and a way to visit every passing row (in no particular order).
 */
export interface Condition {
  readonly count: number;
  test(row: number): boolean;
  forEachRow(visit: (row: number) => void): void;
}

/** What the conditions are built from: the scope's filter columns and its time order. */
export interface FilterColumns {
  readonly size: number;
  readonly status: StringColumn;
  readonly resource_id: StringColumn;
  readonly checkpoint_id: ExactColumn;
  readonly resource_type: StringColumn;
  readonly policy_id: StringColumn;
  readonly az: StringColumn;
  readonly image_type: StringColumn;
  readonly name: StringColumn;
  readonly resource_name: StringColumn;
  readonly nameGrams: NameGrams;
  readonly resourceNameGrams: NameGrams;
  /** `created_at` ascending (then id), and each row's normalised `created_at`. */
  readonly createdView: SortView;
  readonly createdTextAt: (row: number) => string;
}

/** Nothing can match: the query as a whole answers nothing. */
export const noMatch = Symbol('noMatch');

const exactFields = [
  'status',
  'resource_id',
  'checkpoint_id',
  'resource_type',
  'policy_id',
  'az',
  'image_type',
] as const;

function exactCondition(column: ExactColumn, wanted: string): Condition | typeof noMatch {
  const code = column.codeOf(wanted);
  if (code < 0) return noMatch;
  const codes = column.codes;
  const rows = column.rowsOf(code);
  return {
    count: rows.length,
    test: (row) => codes[row] === code,
    forEachRow(visit) {
      for (let i = 0; i < rows.length; i++) visit(rows[i]!);
    },
  };
}

/** A fuzzy filter: the distinct values that contain the needle, then their rows. */
function fuzzyCondition(
  column: StringColumn,
  grams: NameGrams,
  wanted: string,
): Condition | typeof noMatch | null {
  const needle = wanted.toLowerCase();
  if (needle === '') return null; // every text contains the empty string
  const matched = grams.matching(needle);
  if (matched.length === 0) return noMatch;
  if (matched.length === 1) return exactCondition(column, column.values[matched[0]!]!);
  const codes = column.codes;
  // One bit a distinct value (4 KiB for 131k names, made per request), not a byte.
  const mask = new Uint32Array((column.values.length + 31) >>> 5);
  let count = 0;
  for (let i = 0; i < matched.length; i++) {
    const code = matched[i]!;
    mask[code >>> 5]! |= 1 << (code & 31);
    count += column.countOf(code);
  }
  return {
    count,
    test: (row) => {
      const code = codes[row]!;
      return (mask[code >>> 5]! & (1 << (code & 31))) !== 0;
    },
    forEachRow(visit) {
      for (let i = 0; i < matched.length; i++) {
        const rows = column.rowsOf(matched[i]!);
        for (let k = 0; k < rows.length; k++) visit(rows[k]!);
      }
    },
  };
}

/** First rank of the created_at view whose time is not below `time` (or above it, `after`). */
function boundOf(columns: FilterColumns, time: string, after: boolean): number {
  const { order } = columns.createdView;
  const textAt = columns.createdTextAt;
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const value = textAt(order[mid]!);
    if (after ? value <= time : value < time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `start_time`/`end_time`: a contiguous range of the created_at order. */
function windowCondition(
  columns: FilterColumns,
  start: string | undefined,
  end: string | undefined,
): Condition | typeof noMatch {
  const lo = start === undefined ? 0 : boundOf(columns, normalizeTime(start), false);
  const hi = end === undefined ? columns.size : boundOf(columns, normalizeTime(end), true);
  if (hi <= lo) return noMatch;
  const { order, rankOf } = columns.createdView;
  return {
    count: hi - lo,
    test: (row) => {
      const rank = rankOf[row]!;
      return rank >= lo && rank < hi;
    },
    forEachRow(visit) {
      for (let rank = lo; rank < hi; rank++) visit(order[rank]!);
    },
  };
}

/**
 * The listing's filters as indexed conditions, most selective first; `noMatch` when one of
 * them matches nothing. Fuzzy fields are case-insensitive substrings, every other field is
 * exact, and the time window bounds `created_at` inclusively (as `itemPredicateOf` does).
 */
export function conditionsOf(
  columns: FilterColumns,
  query: CountCheckpointItemsQuery,
): Condition[] | typeof noMatch {
  const out: Condition[] = [];
  const add = (condition: Condition | typeof noMatch | null) => {
    if (condition === noMatch) return false;
    if (condition !== null) out.push(condition);
    return true;
  };
  for (const field of exactFields) {
    const wanted = query[field];
    if (wanted !== undefined && !add(exactCondition(columns[field], wanted))) return noMatch;
  }
  if (query.name !== undefined && !add(fuzzyCondition(columns.name, columns.nameGrams, query.name)))
    return noMatch;
  if (
    query.resource_name !== undefined &&
    !add(fuzzyCondition(columns.resource_name, columns.resourceNameGrams, query.resource_name))
  )
    return noMatch;
  if (
    (query.start_time !== undefined || query.end_time !== undefined) &&
    !add(windowCondition(columns, query.start_time, query.end_time))
  )
    return noMatch;
  return out.sort((a, b) => a.count - b.count);
}
