import { GenerationalCache } from './generational-cache.js';

/** Needles whose matching values are kept: a client paging one fuzzy filter asks each page. */
const cachedNeedles = 64;

/**
 * Case-insensitive substring search over the distinct values of a column (names repeat
 * across backups, so there are far fewer values than rows). Every lower-cased value is
 * split into its 2- and 3-character pieces; a needle's candidates are the values holding its
 * rarest piece, each then checked with `includes`, so the answer is exactly the predicate's.
 * One-character needles read every distinct value.
 */
export class NameGrams {
  readonly #lower: string[];
  readonly #grams = new Map<string, Uint32Array>();
  readonly #answers = new GenerationalCache<string, Uint32Array>(cachedNeedles);

  constructor(values: readonly string[]) {
    this.#lower = values.map((value) => value.toLowerCase());
    const lists = new Map<string, number[]>();
    const mine = new Set<string>();
    for (let code = 0; code < this.#lower.length; code++) {
      const text = this.#lower[code]!;
      mine.clear();
      for (let q = 2; q <= 3; q++) for (let i = 0; i + q <= text.length; i++) mine.add(text.slice(i, i + q));
      for (const gram of mine) {
        const list = lists.get(gram);
        if (list === undefined) lists.set(gram, [code]);
        else list.push(code);
      }
    }
    for (const [gram, list] of lists) this.#grams.set(gram, Uint32Array.from(list));
  }

  /** The codes whose lower-cased value contains `needle` (already lower-cased, not empty), ascending. */
  matching(needle: string): Uint32Array {
    return this.#answers.get(needle, () => this.#search(needle));
  }

  #search(needle: string): Uint32Array {
    const lower = this.#lower;
    let candidates: Uint32Array | undefined;
    if (needle.length >= 2) {
      const q = Math.min(3, needle.length);
      for (let i = 0; i + q <= needle.length; i++) {
        const list = this.#grams.get(needle.slice(i, i + q));
        if (list === undefined) return new Uint32Array(0);
        if (candidates === undefined || list.length < candidates.length) candidates = list;
      }
    }
    const out: number[] = [];
    if (candidates === undefined) {
      for (let code = 0; code < lower.length; code++) if (lower[code]!.includes(needle)) out.push(code);
    } else {
      for (let i = 0; i < candidates.length; i++) {
        const code = candidates[i]!;
        if (lower[code]!.includes(needle)) out.push(code);
      }
    }
    return Uint32Array.from(out);
  }
}
