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

/** Names as their code units, name `id` at `codes[offsets[id]..offsets[id+1])`. */
export interface FlatNames {
  readonly codes: Uint8Array | Uint16Array;
  readonly offsets: Uint32Array;
}

/** The code units of `names`, flat: a byte each when every name is Latin-1 (the usual case). */
export function flatNames(names: readonly string[]): FlatNames {
  const offsets = new Uint32Array(names.length + 1);
  let wide = false;
  for (let id = 0; id < names.length; id++) {
    const name = names[id]!;
    offsets[id + 1] = offsets[id]! + name.length;
    for (let i = 0; i < name.length && !wide; i++) wide = name.charCodeAt(i) > 0xff;
  }
  const total = offsets[names.length]!;
  const codes = wide ? new Uint16Array(total) : new Uint8Array(total);
  for (let id = 0; id < names.length; id++) {
    const name = names[id]!;
    const from = offsets[id]!;
    for (let i = 0; i < name.length; i++) codes[from + i] = name.charCodeAt(i);
  }
  return { codes, offsets };
}

/** Above any UTF-16 code unit: the "character" after a name's last one. */
const END = 0x10000;
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
  readonly #table = new GramTable();
  /** The grams that start with each pair of characters. */
  readonly #byPair = new Map<number, number[]>();

  /** Over the names' code units, as `flatNames` gives them. */
  constructor(flat: FlatNames) {
    // Typed arrays and an open-addressing table of the grams rather than a Map and an array
    // per gram: built on the first name search, inside a request (131k names: ~0.4 s so).
    const { codes, offsets } = flat;
    const count = offsets.length - 1;
    this.#offsets = offsets;
    this.#codes = codes;
    let occurrences = 0;
    for (let id = 0; id < count; id++) occurrences += Math.max(0, offsets[id + 1]! - offsets[id]! - 1);
    const gramOf = new Int32Array(occurrences);
    const placeOf = new Uint8Array(occurrences);
    let o = 0;
    for (let id = 0; id < count; id++) {
      const from = offsets[id]!;
      const length = offsets[id + 1]! - from;
      for (let i = 0; i + 1 < length; i++, o++) {
        const c = i + 2 < length ? codes[from + i + 2]! : END;
        gramOf[o] = this.#table.add(codes[from + i]!, codes[from + i + 1]!, c);
        placeOf[o] = Math.min(i, several);
      }
    }
    const gramCount = this.#table.size;
    // Each gram's names, a name listed once however often it holds the gram (then `several`).
    const lastId = new Int32Array(gramCount).fill(-1);
    const counts = new Uint32Array(gramCount + 1);
    o = 0;
    for (let id = 0; id < count; id++) {
      for (let i = 0; i + 1 < offsets[id + 1]! - offsets[id]!; i++, o++) {
        const g = gramOf[o]!;
        if (lastId[g] !== id) {
          lastId[g] = id;
          counts[g + 1]!++;
        }
      }
    }
    for (let g = 0; g < gramCount; g++) counts[g + 1]! += counts[g]!;
    this.#start = counts;
    const listed = counts[gramCount]!;
    this.#ids = new Uint32Array(listed);
    this.#at = new Uint8Array(listed);
    const fill = counts.slice(0, gramCount);
    lastId.fill(-1);
    o = 0;
    for (let id = 0; id < count; id++) {
      for (let i = 0; i + 1 < offsets[id + 1]! - offsets[id]!; i++, o++) {
        const g = gramOf[o]!;
        if (lastId[g] === id) {
          this.#at[fill[g]! - 1] = several;
          continue;
        }
        lastId[g] = id;
        this.#ids[fill[g]!] = id;
        this.#at[fill[g]!++] = placeOf[o]!;
      }
    }
    for (let g = 0; g < gramCount; g++) {
      const pair = pairKeyOf(this.#table.first(g), this.#table.second(g));
      const grams = this.#byPair.get(pair);
      if (grams === undefined) this.#byPair.set(pair, [g]);
      else grams.push(g);
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
        const gram = this.#table.find(
          needle.charCodeAt(i),
          needle.charCodeAt(i + 1),
          needle.charCodeAt(i + 2),
        );
        // A gram no name holds: no name holds the needle.
        if (gram < 0) return { grams: [], count: 0 };
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

/**
 * Gram numbers by their three code units (the third may be END), in the order first added:
 * open addressing over typed arrays, so that adding a gram's occurrence allocates nothing.
 */
class GramTable {
  size = 0;
  #slots = new Int32Array(1024).fill(-1);
  /** Per gram: its first two code units as one word, and its third. */
  #ab = new Uint32Array(512);
  #c = new Int32Array(512);

  #slotOf(ab: number, c: number): number {
    const mask = this.#slots.length - 1;
    let slot = Math.imul(ab ^ Math.imul(c, 0x9e3779b1), 0x85ebca6b) >>> 0;
    for (;;) {
      slot &= mask;
      const g = this.#slots[slot]!;
      if (g < 0 || (this.#ab[g] === ab && this.#c[g] === c)) return slot;
      slot++;
    }
  }

  /** The gram of `a`, `b`, `c`, or -1 when none was added. */
  find(a: number, b: number, c: number): number {
    return this.#slots[this.#slotOf(((a << 16) | b) >>> 0, c)]!;
  }

  /** The gram of `a`, `b`, `c`, added when new. */
  add(a: number, b: number, c: number): number {
    const ab = ((a << 16) | b) >>> 0;
    const slot = this.#slotOf(ab, c);
    const found = this.#slots[slot]!;
    if (found >= 0) return found;
    const g = this.size++;
    if (g === this.#ab.length) {
      const ab2 = new Uint32Array(g * 2);
      ab2.set(this.#ab);
      this.#ab = ab2;
      const c2 = new Int32Array(g * 2);
      c2.set(this.#c);
      this.#c = c2;
    }
    this.#ab[g] = ab;
    this.#c[g] = c;
    this.#slots[slot] = g;
    if (this.size * 2 > this.#slots.length) this.#grow();
    return g;
  }

  first(g: number): number {
    return this.#ab[g]! >>> 16;
  }

  second(g: number): number {
    return this.#ab[g]! & 0xffff;
  }

  #grow(): void {
    this.#slots = new Int32Array(this.#slots.length * 2).fill(-1);
    for (let g = 0; g < this.size; g++) this.#slots[this.#slotOf(this.#ab[g]!, this.#c[g]!)] = g;
  }
}
