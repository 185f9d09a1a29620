import type { CountCheckpointItemsQuery } from '@csbs-kit/models';
import { GenerationalCache } from './generational-cache.js';
import type { IdBytesColumn } from './id-bytes.js';
import { normalizeTime } from './item-fields.js';
import type { NameGrams } from './name-grams.js';
import type { SortView } from './sort-views.js';
import { StringColumn } from './string-column.js';
import { anyBitIn, maxMaskedCodes, type ViewBlocks } from './view-blocks.js';

/** What an exact filter reads of a column: a value's code, its rows, each row's code. */
type ExactColumn = StringColumn | IdBytesColumn;

/** Whether block `b` of a view may hold a row that passes; false lets the walk step over it. */
export type BlockTest = (block: number) => boolean;

/**
 * One listing filter, answered from an index: exactly how many rows pass it, a cheap test
 * of one row, a way to visit every passing row (in no particular order), and, where a view
 * summary can tell, a test of whole blocks of a view (see `ViewBlocks`).
 */
export interface Condition {
  readonly count: number;
  test(row: number): boolean;
  forEachRow(visit: (row: number) => void): void;
  blockTest(blocks: ViewBlocks): BlockTest | undefined;
}

/**
 * A fuzzy column: its interned values, their n-grams, and each row's value rank (the name
 * order), kept so that a name needle read in name order can step over blocks.
 */
export interface FuzzyColumn {
  readonly column: StringColumn;
  readonly grams: NameGrams;
  /** The sort key ordering rows by this column's text, with the ranks below; absent when none does. */
  readonly sortKey?: string | undefined;
  /** Per row, its value's rank in the text order. */
  readonly rowRanks?: Uint32Array | undefined;
  /** Per code, its value's rank. */
  readonly valueRanks?: Uint32Array | undefined;
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
  readonly name: FuzzyColumn;
  readonly resource_name: FuzzyColumn;
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

/** `field=value`: one code of an interned column. */
class ExactCondition implements Condition {
  readonly count: number;
  readonly #codes: ArrayLike<number>;
  readonly #code: number;
  readonly #rows: Uint32Array;
  /** Few enough distinct values for the block code masks. */
  readonly #masked: boolean;

  constructor(column: ExactColumn, code: number) {
    this.#codes = column.codes;
    this.#code = code;
    this.#rows = column.rowsOf(code);
    this.count = this.#rows.length;
    this.#masked = column instanceof StringColumn && column.values.length <= maxMaskedCodes;
  }

  test(row: number): boolean {
    return this.#codes[row] === this.#code;
  }

  forEachRow(visit: (row: number) => void): void {
    const rows = this.#rows;
    for (let i = 0; i < rows.length; i++) visit(rows[i]!);
  }

  /**
   * In any view: a value may cluster in an order that is not its own (generated policies
   * follow names: automatic backups are named autobk_; story statuses follow time).
   */
  blockTest(blocks: ViewBlocks): BlockTest | undefined {
    if (!this.#masked) return undefined;
    const masks = blocks.codes(this.#codes);
    const bit = 1 << this.#code;
    return (block) => (masks.maskAt(block) & bit) !== 0;
  }
}

function exactCondition(column: ExactColumn, wanted: string): Condition | typeof noMatch {
  const code = column.codeOf(wanted);
  return code < 0 ? noMatch : new ExactCondition(column, code);
}

/**
 * A fuzzy filter: the distinct values that contain the needle, as one bit a code, and their
 * rows. Independent of the request, so kept per needle (see `FuzzyConditions`).
 */
class FuzzyCondition implements Condition {
  readonly count: number;
  readonly #fuzzy: FuzzyColumn;
  readonly #codes: ArrayLike<number>;
  /** One bit a distinct value (16 KiB for 131k names), not a byte. */
  readonly #mask: Uint32Array;
  #rankMask: Uint32Array | undefined;

  constructor(fuzzy: FuzzyColumn, matched: Uint32Array) {
    const { column } = fuzzy;
    this.#fuzzy = fuzzy;
    this.#codes = column.codes;
    const mask = new Uint32Array((column.values.length + 31) >>> 5);
    let count = 0;
    for (let i = 0; i < matched.length; i++) {
      const code = matched[i]!;
      mask[code >>> 5]! |= 1 << (code & 31);
      count += column.countOf(code);
    }
    this.#mask = mask;
    this.count = count;
  }

  test(row: number): boolean {
    const code = this.#codes[row]!;
    return (this.#mask[code >>> 5]! & (1 << (code & 31))) !== 0;
  }

  forEachRow(visit: (row: number) => void): void {
    const mask = this.#mask;
    const { column } = this.#fuzzy;
    for (let w = 0; w < mask.length; w++) {
      let word = mask[w]!;
      while (word !== 0) {
        const rows = column.rowsOf(w * 32 + 31 - Math.clz32(word & -word));
        for (let k = 0; k < rows.length; k++) visit(rows[k]!);
        word &= word - 1;
      }
    }
  }

  /** In a view ordered by this column, a block's value ranks are a narrow range: test it. */
  blockTest(blocks: ViewBlocks): BlockTest | undefined {
    const { rowRanks, valueRanks, sortKey } = this.#fuzzy;
    // In any other order a block's ranks span nearly every value: nothing to step over.
    if (rowRanks === undefined || valueRanks === undefined || blocks.leadingKey !== sortKey) return undefined;
    const ranges = blocks.ranges(rowRanks);
    if (this.#rankMask === undefined) {
      const byRank = new Uint32Array(this.#mask.length);
      const mask = this.#mask;
      for (let w = 0; w < mask.length; w++) {
        let word = mask[w]!;
        while (word !== 0) {
          const rank = valueRanks[w * 32 + 31 - Math.clz32(word & -word)]!;
          byRank[rank >>> 5]! |= 1 << (rank & 31);
          word &= word - 1;
        }
      }
      this.#rankMask = byRank;
    }
    const byRank = this.#rankMask;
    return (block) => anyBitIn(byRank, ranges.lowAt(block), ranges.highAt(block));
  }
}

/** Needles whose conditions are kept: a client paging one fuzzy filter asks each page. */
const cachedNeedles = 128;

/** The fuzzy conditions of one column, by lower-cased needle. */
export class FuzzyConditions {
  readonly #fuzzy: FuzzyColumn;
  readonly #kept = new GenerationalCache<string, Condition | typeof noMatch>(cachedNeedles);

  constructor(fuzzy: FuzzyColumn) {
    this.#fuzzy = fuzzy;
  }

  /** The condition of `wanted`; null for the empty needle (every text contains it). */
  of(wanted: string): Condition | typeof noMatch | null {
    const needle = wanted.toLowerCase();
    if (needle === '') return null;
    return this.#kept.get(needle, () => {
      const { column, grams } = this.#fuzzy;
      const matched = grams.matching(needle);
      if (matched.length === 0) return noMatch;
      if (matched.length === 1) return new ExactCondition(column, matched[0]!);
      return new FuzzyCondition(this.#fuzzy, matched);
    });
  }
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

const timeKeys: ReadonlySet<string> = new Set(['created_at', 'updated_at', 'protected_at']);

/** `start_time`/`end_time`: a contiguous range `[lo, hi)` of the created_at order. */
class WindowCondition implements Condition {
  readonly count: number;
  readonly #view: SortView;
  readonly #lo: number;
  readonly #hi: number;

  constructor(view: SortView, lo: number, hi: number) {
    this.#view = view;
    this.#lo = lo;
    this.#hi = hi;
    this.count = hi - lo;
  }

  test(row: number): boolean {
    const rank = this.#view.rankOf[row]!;
    return rank >= this.#lo && rank < this.#hi;
  }

  forEachRow(visit: (row: number) => void): void {
    const { order } = this.#view;
    for (let rank = this.#lo; rank < this.#hi; rank++) visit(order[rank]!);
  }

  /** In a time order: the times of a backup move together (updated and protected follow created). */
  blockTest(blocks: ViewBlocks): BlockTest | undefined {
    if (!timeKeys.has(blocks.leadingKey)) return undefined;
    const ranges = blocks.ranges(this.#view.rankOf);
    const lo = this.#lo;
    const hi = this.#hi;
    return (block) => ranges.highAt(block) >= lo && ranges.lowAt(block) < hi;
  }
}

function windowCondition(
  columns: FilterColumns,
  start: string | undefined,
  end: string | undefined,
): Condition | typeof noMatch {
  const lo = start === undefined ? 0 : boundOf(columns, normalizeTime(start), false);
  const hi = end === undefined ? columns.size : boundOf(columns, normalizeTime(end), true);
  if (hi <= lo) return noMatch;
  return new WindowCondition(columns.createdView, lo, hi);
}

/** The fuzzy conditions kept per column, beside the columns. */
export interface FuzzyFilters {
  readonly name: FuzzyConditions;
  readonly resource_name: FuzzyConditions;
}

/**
 * The listing's filters as indexed conditions, most selective first; `noMatch` when one of
 * them matches nothing. Fuzzy fields are case-insensitive substrings, every other field is
 * exact, and the time window bounds `created_at` inclusively (as `itemPredicateOf` does).
 */
export function conditionsOf(
  columns: FilterColumns,
  fuzzy: FuzzyFilters,
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
  if (query.name !== undefined && !add(fuzzy.name.of(query.name))) return noMatch;
  if (query.resource_name !== undefined && !add(fuzzy.resource_name.of(query.resource_name))) return noMatch;
  if (
    (query.start_time !== undefined || query.end_time !== undefined) &&
    !add(windowCondition(columns, query.start_time, query.end_time))
  )
    return noMatch;
  return out.sort((a, b) => a.count - b.count);
}
