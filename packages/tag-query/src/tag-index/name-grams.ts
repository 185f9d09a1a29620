/**
 * Which distinct names hold each 3-character piece ("gram"), for the name search: a needle
 * of 3 or more characters is only in the names of its rarest gram, and one of 2 characters
 * only in the names of the grams it starts (a name's last two characters count as a gram
 * with an end mark). The candidates still get the full test: the grams only rule names out.
 * At a million backups (131k distinct names) a name search tested every distinct name per
 * query; a needle with a hex digit or two now has a few hundred candidates.
 */

/** Above any UTF-16 code unit: the "character" after a name's last one. */
const END = 0x10000;
const keyOf = (a: number, b: number, c: number) => a * 2 ** 34 + b * 2 ** 17 + c;
const pairKeyOf = (a: number, b: number) => a * 2 ** 17 + b;

export class NameGrams {
  /** Gram number → its names: `ids[start[g]..start[g+1])`, ascending. */
  readonly #start: Uint32Array;
  readonly #ids: Uint32Array;
  readonly #gramOf = new Map<number, number>();
  /** The grams that start with each pair of characters. */
  readonly #byPair = new Map<number, number[]>();

  constructor(names: readonly string[]) {
    const lists: number[][] = [];
    for (let id = 0; id < names.length; id++) {
      const name = names[id]!;
      for (let i = 0; i + 1 < name.length; i++) {
        const a = name.charCodeAt(i);
        const b = name.charCodeAt(i + 1);
        const c = i + 2 < name.length ? name.charCodeAt(i + 2) : END;
        const key = keyOf(a, b, c);
        let gram = this.#gramOf.get(key);
        if (gram === undefined) {
          gram = lists.length;
          this.#gramOf.set(key, gram);
          lists.push([]);
          const pair = pairKeyOf(a, b);
          const grams = this.#byPair.get(pair);
          if (grams === undefined) this.#byPair.set(pair, [gram]);
          else grams.push(gram);
        }
        const list = lists[gram]!;
        // A name holding a gram twice is listed once (ids arrive in order).
        if (list[list.length - 1] !== id) list.push(id);
      }
    }
    this.#start = new Uint32Array(lists.length + 1);
    let total = 0;
    for (let g = 0; g < lists.length; g++) {
      total += lists[g]!.length;
      this.#start[g + 1] = total;
    }
    this.#ids = new Uint32Array(total);
    for (let g = 0; g < lists.length; g++) this.#ids.set(lists[g]!, this.#start[g]!);
  }

  #length(gram: number): number {
    return this.#start[gram + 1]! - this.#start[gram]!;
  }

  /**
   * The grams whose names are the candidates for `needles`: those of the one needle that
   * gives the fewest names (`count`, a name counted once per gram it is listed in); `[]`
   * when some gram of a needle is in no name; null when no needle has 2 characters or more,
   * so that every name is a candidate.
   */
  choose(needles: readonly string[]): { grams: readonly number[]; count: number } | null {
    let best: readonly number[] | undefined;
    let bestCount = Number.POSITIVE_INFINITY;
    for (const needle of needles) {
      if (needle.length < 2) continue;
      if (needle.length === 2) {
        const grams = this.#byPair.get(pairKeyOf(needle.charCodeAt(0), needle.charCodeAt(1))) ?? [];
        let count = 0;
        for (const g of grams) count += this.#length(g);
        if (count < bestCount) [best, bestCount] = [grams, count];
        continue;
      }
      for (let i = 0; i + 2 < needle.length; i++) {
        const key = keyOf(needle.charCodeAt(i), needle.charCodeAt(i + 1), needle.charCodeAt(i + 2));
        const gram = this.#gramOf.get(key);
        // A gram no name holds: no name holds the needle.
        if (gram === undefined) return { grams: [], count: 0 };
        const count = this.#length(gram);
        if (count < bestCount) [best, bestCount] = [[gram], count];
      }
    }
    return best === undefined ? null : { grams: best, count: bestCount };
  }

  /** The names of `gram` are `ids[start[gram]..start[gram+1])`, ascending (for loops without a callback). */
  get lists(): { readonly start: Uint32Array; readonly ids: Uint32Array } {
    return { start: this.#start, ids: this.#ids };
  }

  /** Calls `visit` with each name of `grams` (from `choose`); a name may come more than once. */
  visit(grams: readonly number[], visit: (id: number) => void): void {
    const ids = this.#ids;
    for (const g of grams) for (let k = this.#start[g]!; k < this.#start[g + 1]!; k++) visit(ids[k]!);
  }
}
