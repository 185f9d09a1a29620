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

export class StringColumn {
  readonly codes: Codes;
  readonly values: readonly string[];
  readonly #codeOf: Map<string, number>;
  /** Rows grouped by code: the rows of code c are `#rows[#starts[c] .. #starts[c+1])`. */
  readonly #starts: Uint32Array;
  readonly #rows: Uint32Array;

  constructor(rowValues: ArrayLike<string>) {
    const n = rowValues.length;
    const wide = new Uint32Array(n);
    const codeOf = new Map<string, number>();
    const values: string[] = [];
    for (let row = 0; row < n; row++) {
      const value = rowValues[row]!;
      let code = codeOf.get(value);
      if (code === undefined) {
        code = values.length;
        codeOf.set(value, code);
        values.push(value);
      }
      wide[row] = code;
    }
    const codes = narrowed(wide, values.length);
    // Counting sort of rows by code: exact sizes, no growing arrays.
    const starts = new Uint32Array(values.length + 1);
    for (let row = 0; row < n; row++) starts[codes[row]! + 1]!++;
    for (let c = 0; c < values.length; c++) starts[c + 1]! += starts[c]!;
    const fill = starts.slice(0, values.length);
    const rows = new Uint32Array(n);
    for (let row = 0; row < n; row++) rows[fill[codes[row]!]!++] = row;
    this.codes = codes;
    this.values = values;
    this.#codeOf = codeOf;
    this.#starts = starts;
    this.#rows = rows;
  }

  /** The code of `value`, or -1 when no row holds it. */
  codeOf(value: string): number {
    return this.#codeOf.get(value) ?? -1;
  }

  countOf(code: number): number {
    return this.#starts[code + 1]! - this.#starts[code]!;
  }

  /** The rows holding code `code`, ascending (a view, not a copy). */
  rowsOf(code: number): Uint32Array {
    return this.#rows.subarray(this.#starts[code]!, this.#starts[code + 1]!);
  }

  valueAt(row: number): string {
    return this.values[this.codes[row]!]!;
  }
}
