/**
 * Which distinct names hold each 3-character piece ("gram"), for the name search: a needle
 * of 3 or more characters is only in the names of its rarest gram, and one of 2 characters
 * only in the names of the grams it starts (a name's last two characters count as a gram
 * with an end mark). The candidates still get the full test: the grams only rule names out.
 * At a million backups (131k distinct names) a name search tested every distinct name per
 * query; a needle with a hex digit or two now has a few hundred candidates.
 *
 * Each listed name also carries where the gram stands in it (once, or `several`), and the
 * names' code units are kept flat, so that a needle of 3 or more characters is checked at
 * the one place its gram puts it (`holding`) rather than searched for with `includes`: a
 * broad needle ("tobk_", 65k candidates at a million backups) took 2–3 ms of `includes`.
 */

/** Above any UTF-16 code unit: the "character" after a name's last one. */
const END = 0x10000;
const keyOf = (a: number, b: number, c: number) => a * 2 ** 34 + b * 2 ** 17 + c;
const pairKeyOf = (a: number, b: number) => a * 2 ** 17 + b;
/** In `#at`: the gram stands more than once in the name (or past position 254). */
const several = 255;

export class NameGrams {
  /** Gram number → its names: `ids[start[g]..start[g+1])`, ascending. */
  readonly #start: Uint32Array;
  readonly #ids: Uint32Array;
  /** Beside `#ids`: where the gram starts in that name, or `several`. */
  readonly #at: Uint8Array;
  /** The names' code units, name `id` at `#codes[#offsets[id]..#offsets[id+1])`. */
  readonly #codes: Uint8Array | Uint16Array;
  readonly #offsets: Uint32Array;
  /** Scratch: the needle's code units. */
  #wanted = new Uint16Array(64);
  readonly #gramOf = new Map<number, number>();
  /** The grams that start with each pair of characters. */
  readonly #byPair = new Map<number, number[]>();

  constructor(names: readonly string[]) {
    const lists: number[][] = [];
    const places: number[][] = [];
    this.#offsets = new Uint32Array(names.length + 1);
    let wide = false;
    for (let id = 0; id < names.length; id++) {
      const name = names[id]!;
      this.#offsets[id + 1] = this.#offsets[id]! + name.length;
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
          places.push([]);
          const pair = pairKeyOf(a, b);
          const grams = this.#byPair.get(pair);
          if (grams === undefined) this.#byPair.set(pair, [gram]);
          else grams.push(gram);
        }
        const list = lists[gram]!;
        const at = places[gram]!;
        // A name holding a gram twice is listed once (ids arrive in order).
        if (list[list.length - 1] !== id) {
          list.push(id);
          at.push(Math.min(i, several));
        } else at[at.length - 1] = several;
      }
      for (let i = 0; i < name.length && !wide; i++) wide = name.charCodeAt(i) > 0xff;
    }
    // One byte a character when every name is Latin-1 (the usual case), two otherwise.
    const total = this.#offsets[names.length]!;
    this.#codes = wide ? new Uint16Array(total) : new Uint8Array(total);
    for (let id = 0; id < names.length; id++) {
      const name = names[id]!;
      const from = this.#offsets[id]!;
      for (let i = 0; i < name.length; i++) this.#codes[from + i] = name.charCodeAt(i);
    }
    this.#start = new Uint32Array(lists.length + 1);
    let listed = 0;
    for (let g = 0; g < lists.length; g++) {
      listed += lists[g]!.length;
      this.#start[g + 1] = listed;
    }
    this.#ids = new Uint32Array(listed);
    this.#at = new Uint8Array(listed);
    for (let g = 0; g < lists.length; g++) {
      this.#ids.set(lists[g]!, this.#start[g]!);
      this.#at.set(places[g]!, this.#start[g]!);
    }
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
  choose(needles: readonly string[]): Chosen | null {
    let best: readonly number[] | undefined;
    let bestCount = Number.POSITIVE_INFINITY;
    let bestNeedle = -1;
    let bestAt = -1;
    for (let n = 0; n < needles.length; n++) {
      const needle = needles[n]!;
      if (needle.length < 2) continue;
      if (needle.length === 2) {
        const grams = this.#byPair.get(pairKeyOf(needle.charCodeAt(0), needle.charCodeAt(1))) ?? [];
        let count = 0;
        for (const g of grams) count += this.#length(g);
        if (count < bestCount) [best, bestCount, bestNeedle, bestAt] = [grams, count, -1, -1];
        continue;
      }
      for (let i = 0; i + 2 < needle.length; i++) {
        const key = keyOf(needle.charCodeAt(i), needle.charCodeAt(i + 1), needle.charCodeAt(i + 2));
        const gram = this.#gramOf.get(key);
        // A gram no name holds: no name holds the needle.
        if (gram === undefined) return { grams: [], count: 0 };
        const count = this.#length(gram);
        if (count < bestCount) [best, bestCount, bestNeedle, bestAt] = [[gram], count, n, i];
      }
    }
    if (best === undefined) return null;
    return bestNeedle < 0
      ? { grams: best, count: bestCount }
      : { grams: best, count: bestCount, needle: bestNeedle, at: bestAt };
  }

  /**
   * Writes to `out` the ids (ascending) of the names of `chosen`'s one gram that contain
   * `needle` (the needle `chosen.needle` of the `choose` call), and returns how many: each
   * name is checked where the gram stands in it (the needle can start only `chosen.at`
   * before it), a name holding the gram more than once at every place. Exact: no further
   * test of this needle is needed.
   */
  holding(chosen: Chosen & { at: number }, needle: string, out: Uint32Array): number {
    const gram = chosen.grams[0]!;
    const ids = this.#ids;
    const places = this.#at;
    const codes = this.#codes;
    const offsets = this.#offsets;
    const length = needle.length;
    const shift = chosen.at;
    const wanted = this.#needleCodes(needle);
    let found = 0;
    for (let k = this.#start[gram]!; k < this.#start[gram + 1]!; k++) {
      const id = ids[k]!;
      const from = offsets[id]!;
      const place = places[k]!;
      let yes = false;
      if (place !== several) {
        const begin = from + place - shift;
        if (place >= shift && begin + length <= offsets[id + 1]!) {
          let i = 0;
          while (i < length && codes[begin + i] === wanted[i]) i++;
          yes = i === length;
        }
      } else {
        for (let begin = from; !yes && begin + length <= offsets[id + 1]!; begin++) {
          let i = 0;
          while (i < length && codes[begin + i] === wanted[i]) i++;
          yes = i === length;
        }
      }
      if (yes) out[found++] = id;
    }
    return found;
  }

  #needleCodes(needle: string): Uint16Array {
    if (this.#wanted.length < needle.length) this.#wanted = new Uint16Array(needle.length);
    for (let i = 0; i < needle.length; i++) this.#wanted[i] = needle.charCodeAt(i);
    return this.#wanted;
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

/**
 * The grams `choose` picked and how many names they list; for a needle of 3 or more
 * characters also which needle (`needle`, its index) and where in it the gram starts (`at`).
 */
export interface Chosen {
  readonly grams: readonly number[];
  readonly count: number;
  readonly needle?: number;
  readonly at?: number;
}
