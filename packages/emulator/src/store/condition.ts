/** A listing filter as the page plan reads it, and the exact filter on one interned column. */
import type { IdBytesColumn } from './id-bytes.js';
import { StringColumn } from './string-column.js';
import { maxMaskedCodes, type ViewBlocks } from './view-blocks.js';

/** What an exact filter reads of a column: a value's code, its rows, each row's code. */
export type ExactColumn = StringColumn | IdBytesColumn;

/** Whether block `b` of a view may hold a row that passes; false lets the walk step over it. */
export type BlockTest = (block: number) => boolean;

/**
 * The passing rows of a condition, a run at a time: `rows[0 .. length)`. The array is the
 * condition's own (an index's rows, or a buffer it refills): read it, do not change it.
 */
export type VisitRun = (rows: Uint32Array, length: number) => void;

/**
 * One listing filter, answered from an index: exactly how many rows pass it, a filter of a
 * batch of rows, a way to visit every passing row (in runs, in no particular order), and,
 * where a view summary can tell, a test of whole blocks of a view (see `ViewBlocks`).
 *
 * Rows are tested a batch at a time, not one by one: a call per row per filter made the
 * call sites polymorphic (a walk of three filter kinds spent ~20 ns a row on them), while
 * each `filter` is one tight loop of its own.
 */
export interface Condition {
  readonly count: number;
  /** Keeps, in order, the rows of `rows[0 .. length)` that pass, at its front; returns how many. */
  filter(rows: Uint32Array, length: number): number;
  forEachRun(visit: VisitRun): void;
  blockTest(blocks: ViewBlocks): BlockTest | undefined;
}

/** Nothing can match: the query as a whole answers nothing. */
export const noMatch = Symbol('noMatch');

/** `field=value`: one code of an interned column. */
export class ExactCondition implements Condition {
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

  filter(rows: Uint32Array, length: number): number {
    const codes = this.#codes;
    const code = this.#code;
    let kept = 0;
    for (let i = 0; i < length; i++) {
      const row = rows[i]!;
      if (codes[row] === code) rows[kept++] = row;
    }
    return kept;
  }

  forEachRun(visit: VisitRun): void {
    visit(this.#rows, this.#rows.length);
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
