/** A listing filter as the page plan reads it, and the exact filter on one interned column. */
import type { IdBytesColumn } from './id-bytes.js';
import { StringColumn } from './string-column.js';
import { maxMaskedCodes, type ViewBlocks } from './view-blocks.js';

/** What an exact filter reads of a column: a value's code, its rows, each row's code. */
export type ExactColumn = StringColumn | IdBytesColumn;

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
