/**
 * Case-insensitive substring search over the distinct values of a column (names repeat
 * across backups, so there are far fewer values than rows). Every lower-cased value is
 * split into its 2- and 3-character pieces; a needle's candidates are the values holding its
 * rarest piece, each then checked for the needle, so the answer is exactly `includes`'s.
 * A needle of two or three characters is a piece itself: its posting is the answer, with
 * no check. One-character needles read every distinct value. The answers are not kept
 * here: the listing keeps its conditions per needle.
 *
 * The check reads the lower-cased values from one array of UTF-16 code units (the units
 * `includes` compares), in code order: a broad needle's 65k candidates are then a stream
 * through 1.5 MB rather than 65k strings scattered over the heap (~4 ms at 1M backups).
 */
export class NameGrams {
  /** Every lower-cased value's code units, value after value; value c is `#units[#starts[c] .. #starts[c+1])`. */
  readonly #units: Uint16Array;
  readonly #starts: Uint32Array;
  /** Postings by gram number (see `gramOf`): the codes of the values holding the gram. */
  readonly #grams = new Map<number, Uint32Array>();
  /** The postings `matching` has handed over as answers (see `isPosting`). */
  readonly #handedOver = new WeakSet<Uint32Array>();

  constructor(values: readonly string[]) {
    const lowered = values.map((value) => value.toLowerCase());
    const starts = new Uint32Array(lowered.length + 1);
    for (let code = 0; code < lowered.length; code++)
      starts[code + 1] = starts[code]! + lowered[code]!.length;
    const units = new Uint16Array(starts[lowered.length]!);
    for (let code = 0; code < lowered.length; code++) {
      const text = lowered[code]!;
      const at = starts[code]!;
      for (let i = 0; i < text.length; i++) units[at + i] = text.charCodeAt(i);
    }
    this.#units = units;
    this.#starts = starts;
    // Grams are numbered rather than sliced out as strings, and a gram met twice in one
    // value is recognised by the last code that added it: no string or set per value.
    // ASCII grams (nearly all) are numbered through a flat table (8 MB while building, so
    // only for many values: 131k names at 1M backups); others through a map.
    const flat = lowered.length >= flatTableFrom;
    const dense = new Int32Array(flat ? asciiGramSlots : 0).fill(-1);
    const ids = new Map<number, number>();
    const gramNumbers: number[] = [];
    const lists: number[][] = [];
    const last: number[] = [];
    for (let code = 0; code < lowered.length; code++) {
      const text = lowered[code]!;
      const at = starts[code]!;
      for (let q = 2; q <= 3; q++) {
        for (let i = 0; i + q <= text.length; i++) {
          // The flat code units, not the string: a typed-array read, not a `charCodeAt` call.
          const slot = flat ? asciiSlotAt(units, at + i, q) : -1;
          let id = slot >= 0 ? dense[slot]! : (ids.get(gramOf(text, i, q)) ?? -1);
          if (id < 0) {
            id = lists.length;
            if (slot >= 0) dense[slot] = id;
            else ids.set(gramOf(text, i, q), id);
            gramNumbers.push(gramOf(text, i, q));
            lists.push([]);
            last.push(-1);
          }
          if (last[id] === code) continue;
          last[id] = code;
          lists[id]!.push(code);
        }
      }
    }
    for (let id = 0; id < lists.length; id++) this.#grams.set(gramNumbers[id]!, Uint32Array.from(lists[id]!));
  }

  /**
   * The codes whose lower-cased value contains `needle` (already lower-cased, not empty),
   * ascending. Read-only: for short needles it is the gram's posting itself, and so it is
   * for a longer one that every value of its rarest gram's posting holds (`manu` of
   * `manualbk_…`): needles of one answer then hand over one array.
   */
  matching(needle: string): Uint32Array {
    if (needle.length === 2 || needle.length === 3)
      return this.#handOver(this.#grams.get(gramOf(needle, 0, needle.length)) ?? new Uint32Array(0));
    let candidates: Uint32Array | undefined;
    if (needle.length >= 2) {
      for (let i = 0; i + 3 <= needle.length; i++) {
        const list = this.#grams.get(gramOf(needle, i, 3));
        if (list === undefined) return new Uint32Array(0);
        if (candidates === undefined || list.length < candidates.length) candidates = list;
      }
    }
    const all = candidates === undefined;
    const count = all ? this.#starts.length - 1 : candidates!.length;
    const units = this.#units;
    const starts = this.#starts;
    const length = needle.length;
    const wanted = new Uint16Array(length);
    for (let k = 0; k < length; k++) wanted[k] = needle.charCodeAt(k);
    const first = wanted[0]!;
    const out = new Uint32Array(count);
    let found = 0;
    for (let i = 0; i < count; i++) {
      const code = all ? i : candidates![i]!;
      const last = starts[code + 1]! - length;
      for (let at = starts[code]!; at <= last; at++) {
        if (units[at] !== first) continue;
        let k = 1;
        while (k < length && units[at + k] === wanted[k]) k++;
        if (k === length) {
          out[found++] = code;
          break;
        }
      }
    }
    if (!all && found === count) return this.#handOver(candidates!);
    return out.slice(0, found);
  }

  /**
   * Whether `matching` answered `codes` with a posting of its own: an answer that other
   * needles may be given too, and that lives as long as the grams, so keeping something
   * by it holds nothing more (a copied answer, up to 512 KiB, would be held for nothing).
   */
  isPosting(codes: Uint32Array): boolean {
    return this.#handedOver.has(codes);
  }

  #handOver(posting: Uint32Array): Uint32Array {
    this.#handedOver.add(posting);
    return posting;
  }
}

/** Distinct values from which the flat gram table pays for its allocation. */
const flatTableFrom = 4096;
/** Slots of the flat table: every 2-gram, then every 3-gram, of 7-bit code units. */
const asciiGramSlots = 128 ** 2 + 128 ** 3;

/** The flat-table slot of the `q`-gram of `units` at `at`, or -1 when it holds a code unit past 127. */
function asciiSlotAt(units: Uint16Array, at: number, q: number): number {
  const a = units[at]!;
  const b = units[at + 1]!;
  if (q === 2) return a > 127 || b > 127 ? -1 : a * 128 + b;
  const c = units[at + 2]!;
  return a > 127 || b > 127 || c > 127 ? -1 : 128 ** 2 + (a * 128 + b) * 128 + c;
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
