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
  /** Postings by gram number (see `gramOf`): the codes of the values holding the gram. */
  readonly #grams = new Map<number, Uint32Array>();
  readonly #answers = new GenerationalCache<string, Uint32Array>(cachedNeedles);

  constructor(values: readonly string[]) {
    this.#lower = values.map((value) => value.toLowerCase());
    // Grams are numbered rather than sliced out as strings, and a gram met twice in one
    // value is recognised by the last code that added it: no string or set per value.
    const ids = new Map<number, number>();
    const lists: number[][] = [];
    const last: number[] = [];
    for (let code = 0; code < this.#lower.length; code++) {
      const text = this.#lower[code]!;
      for (let q = 2; q <= 3; q++) {
        for (let i = 0; i + q <= text.length; i++) {
          const gram = gramOf(text, i, q);
          let id = ids.get(gram);
          if (id === undefined) {
            id = lists.length;
            ids.set(gram, id);
            lists.push([]);
            last.push(-1);
          }
          if (last[id] === code) continue;
          last[id] = code;
          lists[id]!.push(code);
        }
      }
    }
    for (const [gram, id] of ids) this.#grams.set(gram, Uint32Array.from(lists[id]!));
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
        const list = this.#grams.get(gramOf(needle, i, q));
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

/**
 * The `q`-character piece of `text` at `at` (q is 2 or 3) as one number: 16 bits a code
 * unit, 2^48 at most, exact in a double. A 2-gram and a 3-gram never share a number: the
 * length is the top digit.
 */
function gramOf(text: string, at: number, q: number): number {
  let gram = q;
  for (let i = 0; i < q; i++) gram = gram * 65536 + text.charCodeAt(at + i);
  return gram;
}
