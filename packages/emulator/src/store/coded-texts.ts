import type { CodedValues } from './string-column.js';

/**
 * One text field of every row as codes into its distinct values (`CodedValues`), interned
 * as the rows come. Used for names, which are interned anyway (the tag index keeps one per
 * row): the listing's column then interns each distinct name once rather than every row.
 */
export class CodedTexts {
  readonly #codes: Uint32Array;
  readonly #values: string[] = [];
  readonly #seen = new Map<string, number>();

  constructor(size: number) {
    this.#codes = new Uint32Array(size);
  }

  /** Records `text` at `row`; returns the string kept for it. */
  put(row: number, text: string): string {
    let code = this.#seen.get(text);
    if (code === undefined) {
      code = this.#values.length;
      this.#values.push(text);
      this.#seen.set(text, code);
    }
    this.#codes[row] = code;
    return this.#values[code]!;
  }

  get coded(): CodedValues {
    return { codes: this.#codes, values: this.#values };
  }
}

/** Distinct values `FewTexts` compares one by one before it takes a map. */
const fewValues = 16;

/**
 * Like `CodedTexts`, for a field of a handful of values (a status, an availability zone):
 * the row's text is compared with the values met so far, from the last one met, rather
 * than hashed, and the parsed string is not kept, so it dies young with its item instead
 * of being carried into the old generation by the collector (and the listing's column
 * then interns each value once, not every row). Past `fewValues` values, a map.
 */
export class FewTexts {
  readonly #codes: Uint32Array;
  readonly #values: string[] = [];
  #last = -1;
  #many: CodedTexts | undefined;

  constructor(size: number) {
    this.#codes = new Uint32Array(size);
  }

  put(row: number, text: string): void {
    const many = this.#many;
    if (many !== undefined) {
      many.put(row, text);
      return;
    }
    const values = this.#values;
    let code = this.#last;
    if (code < 0 || values[code] !== text) {
      code = values.indexOf(text);
      if (code < 0) {
        if (values.length === fewValues) {
          this.#spill(row, text);
          return;
        }
        code = values.length;
        values.push(text);
      }
      this.#last = code;
    }
    this.#codes[row] = code;
  }

  /** Hands the rows so far and `text` at `row` over to a map. */
  #spill(row: number, text: string): void {
    const many = new CodedTexts(this.#codes.length);
    for (let before = 0; before < row; before++) many.put(before, this.#values[this.#codes[before]!]!);
    many.put(row, text);
    this.#many = many;
  }

  get coded(): CodedValues {
    return this.#many?.coded ?? { codes: this.#codes, values: this.#values };
  }
}
