/**
 * A reusable bitset over the ranks of a view, for filtered pages whose matches are few
 * enough to mark: mark every match's rank, then read ranks in either direction from a
 * starting rank. A second level holds a bit per word that has a mark, so reading steps
 * over empty words 1024 ranks at a time and clearing zeroes only the marked words: a few
 * hundred marks spread over a million ranks cost a few hundred word visits, not 31,250.
 */
export class RankBits {
  readonly #words: Uint32Array;
  /** Bit w set: `#words[w]` is not zero. */
  readonly #summary: Uint32Array;
  #low = Number.POSITIVE_INFINITY;
  #high = -1;

  constructor(size: number) {
    this.#words = new Uint32Array((size + 31) >>> 5);
    this.#summary = new Uint32Array((this.#words.length + 31) >>> 5);
  }

  add(rank: number): void {
    const w = rank >>> 5;
    this.#words[w]! |= 1 << (rank & 31);
    const s = w >>> 5;
    this.#summary[s]! |= 1 << (w & 31);
    if (s < this.#low) this.#low = s;
    if (s > this.#high) this.#high = s;
  }

  /** The first marked word at or after `w`, or -1. */
  #nextWord(w: number): number {
    let s = w >>> 5;
    if (s > this.#high) return -1;
    let bits = this.#summary[s]! & (~0 << (w & 31));
    while (bits === 0) {
      if (++s > this.#high) return -1;
      bits = this.#summary[s]!;
    }
    return s * 32 + 31 - Math.clz32(bits & -bits);
  }

  /** The last marked word at or before `w`, or -1. */
  #previousWord(w: number): number {
    let s = w >>> 5;
    if (s < this.#low) return -1;
    const top = w & 31;
    let bits = this.#summary[s]! & (top === 31 ? ~0 : (1 << (top + 1)) - 1);
    while (bits === 0) {
      if (--s < this.#low) return -1;
      bits = this.#summary[s]!;
    }
    return s * 32 + 31 - Math.clz32(bits);
  }

  /**
   * Calls `visit` with the marked ranks from `from` upwards (`ascending`) or downwards,
   * until it returns false.
   */
  read(from: number, ascending: boolean, visit: (rank: number) => boolean): void {
    const words = this.#words;
    if (this.#high < 0) return;
    if (ascending) {
      if (from < 0) from = 0;
      if (from >>> 5 >= words.length) return;
      let w = from >>> 5;
      let word = words[w]! & (~0 << (from & 31));
      for (;;) {
        while (word !== 0) {
          const bit = 31 - Math.clz32(word & -word);
          if (!visit(w * 32 + bit)) return;
          word &= word - 1;
        }
        w = this.#nextWord(w + 1);
        if (w < 0) return;
        word = words[w]!;
      }
    }
    if (from < 0) return;
    let w = Math.min(from >>> 5, words.length - 1);
    const top = from & 31;
    let word = w === from >>> 5 ? words[w]! & (top === 31 ? ~0 : (1 << (top + 1)) - 1) : words[w]!;
    for (;;) {
      while (word !== 0) {
        const bit = 31 - Math.clz32(word);
        if (!visit(w * 32 + bit)) return;
        word &= ~(1 << bit);
      }
      if (w === 0) return;
      w = this.#previousWord(w - 1);
      if (w < 0) return;
      word = words[w]!;
    }
  }

  clear(): void {
    const words = this.#words;
    const summary = this.#summary;
    for (let s = this.#low; s <= this.#high; s++) {
      let bits = summary[s]!;
      while (bits !== 0) {
        words[s * 32 + 31 - Math.clz32(bits & -bits)] = 0;
        bits &= bits - 1;
      }
      summary[s] = 0;
    }
    this.#low = Number.POSITIVE_INFINITY;
    this.#high = -1;
  }
}
