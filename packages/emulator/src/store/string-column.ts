import { TextTable } from './text-table.js';

/**
 * One text field of every backup, interned: `codes[row]` numbers the row's value in
 * `values` (each distinct string held once), and the rows of each value are kept together
 * in row order (`rowsOf`). An exact filter is then a hash look-up of the wanted value plus a
 * read of its rows, and a row test is one integer comparison.
 */
/** Codes as narrow as the number of distinct values allows: most columns hold a handful. */
export type Codes = Uint8Array | Uint16Array | Uint32Array;

function narrowed(wide: Uint32Array, distinct: number): Codes {
  if (distinct > 65536) return wide;
  const codes = distinct <= 256 ? new Uint8Array(wide.length) : new Uint16Array(wide.length);
  codes.set(wide);
  return codes;
}

/**
 * A column given as codes into a list of values (generated data: a status code, a server
 * number): `values[codes[row]]` is the row's text. The list may repeat a text and need not
 * be dense; only the codes that occur are read.
 */
export interface CodedValues {
  readonly codes: ArrayLike<number>;
  readonly values: readonly string[];
}

/** A text column as the index is given it: one string per row, or codes into values. */
export type TextValues = ArrayLike<string> | CodedValues;

export const isCoded = (column: TextValues): column is CodedValues =>
  'codes' in column && 'values' in column && !('length' in column);

/** The text of each row, as strings (for the rare paths that need them so). */
export function textsOf(column: TextValues): string[] {
  if (!isCoded(column)) return Array.from(column);
  const { codes, values } = column;
  return Array.from(codes, (code) => values[code]!);
}

/**
 * 0, 1, …, size-1, read-only: the rows of a column whose values are all distinct or all
 * equal. The last one made is kept (one array), so the columns of one scope share it.
 */
let lastIdentity = new Uint32Array(0);

export function identityOf(size: number): Uint32Array {
  if (lastIdentity.length !== size) {
    lastIdentity = new Uint32Array(size);
    for (let i = 0; i < size; i++) lastIdentity[i] = i;
  }
  return lastIdentity;
}

export class StringColumn {
  readonly codes: Codes;
  readonly values: readonly string[];
  readonly #table: TextTable;
  // Shared and read-only when the column's values are all distinct or all equal.
  /** Rows grouped by code: the rows of code c are `#rows[#starts[c] .. #starts[c+1])`. */
  readonly #starts: Uint32Array;
  readonly #rows: Uint32Array;

  constructor(column: TextValues) {
    const coded = isCoded(column);
    const n = coded ? column.codes.length : column.length;
    const wide = new Uint32Array(n);
    const table = new TextTable();
    const values = table.values;
    if (coded) {
      // Each given code is interned once, when first met, so the codes come out as the
      // strings would give them (first appearance order, equal texts one code).
      // One typed-array type in the loops below, whatever the caller's codes are (a loop
      // that meets several element kinds is compiled to a slow generic access).
      const given = column.codes instanceof Uint32Array ? column.codes : Uint32Array.from(column.codes);
      const dense = new Int32Array(column.values.length).fill(-1);
      for (let row = 0; row < n; row++) {
        const g = given[row]!;
        let code = dense[g]!;
        if (code < 0) {
          code = table.intern(column.values[g]!);
          dense[g] = code;
        }
        wide[row] = code;
      }
    } else {
      for (let row = 0; row < n; row++) wide[row] = table.intern(column[row]!);
    }
    table.trim();
    this.#table = table;
    if (n > 0 && (values.length === n || values.length === 1)) {
      // Every value distinct (ids): row r holds code r. One value: every row holds code 0.
      // Either way the grouped rows are 0..n-1, shared with other columns of this size.
      const identity = identityOf(n + 1);
      const unique = values.length === n;
      this.codes = unique ? identity.subarray(0, n) : new Uint8Array(n);
      if (unique && !coded && Array.isArray(column)) table.shareValues(column as string[]);
      this.values = table.values;
      this.#starts = unique ? identity : Uint32Array.of(0, n);
      this.#rows = identity.subarray(0, n);
      return;
    }
    const codes = narrowed(wide, values.length);
    // Counting sort of rows by code: exact sizes, no growing arrays.
    const starts = new Uint32Array(values.length + 1);
    // Read from `wide` (always a Uint32Array), not the narrowed codes, for the same reason.
    for (let row = 0; row < n; row++) starts[wide[row]! + 1]!++;
    for (let c = 0; c < values.length; c++) starts[c + 1]! += starts[c]!;
    const fill = starts.slice(0, values.length);
    const rows = new Uint32Array(n);
    for (let row = 0; row < n; row++) rows[fill[wide[row]!]!++] = row;
    this.codes = codes;
    this.values = values;
    this.#starts = starts;
    this.#rows = rows;
  }

  /** The code of `value`, or -1 when no row holds it. */
  codeOf(value: string): number {
    return this.#table.codeOf(value);
  }

  countOf(code: number): number {
    return this.#starts[code + 1]! - this.#starts[code]!;
  }

  /** The rows holding code `code`, ascending (a view, not a copy). */
  rowsOf(code: number): Uint32Array {
    return this.#rows.subarray(this.#starts[code]!, this.#starts[code + 1]!);
  }

  /**
   * Every row grouped by code, and where each code's rows start (code c: `rows[starts[c] ..
   * starts[c+1])`), read-only: for loops over many codes, where `rowsOf` makes a view each.
   */
  grouped(): { readonly starts: Uint32Array; readonly rows: Uint32Array } {
    return { starts: this.#starts, rows: this.#rows };
  }

  valueAt(row: number): string {
    return this.values[this.codes[row]!]!;
  }
}
