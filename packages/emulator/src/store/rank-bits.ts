/**
 * A reusable bitset over the ranks of a view, for filtered pages whose matches are few
 * enough to mark: mark every match's rank, then read ranks in either direction from a
 * starting rank. Cleared after each use by zeroing only the words it touched.
 */
export class RankBits {
  readonly #words: Uint32Array;
  #low = Number.POSITIVE_INFINITY;
  #high = -1;

  constructor(size: number) {
    this.#words = new Uint32Array((size + 31) >>> 5);
  }

  add(rank: number): void {
    const w = rank >>> 5;
    this.#words[w]! |= 1 << (rank & 31);
    if (w < this.#low) this.#low = w;
    if (w > this.#high) this.#high = w;
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
      let w = Math.max(from >>> 5, this.#low);
      let word = w === from >>> 5 ? words[w]! & (~0 << (from & 31)) : words[w]!;
      for (;;) {
        while (word !== 0) {
          const bit = 31 - Math.clz32(word & -word);
          if (!visit(w * 32 + bit)) return;
          word &= word - 1;
        }
        if (++w > this.#high) return;
        word = words[w]!;
      }
    }
    if (from < 0) return;
    let w = Math.min(from >>> 5, this.#high);
    const top = from & 31;
    let word = w === from >>> 5 ? words[w]! & (top === 31 ? ~0 : (1 << (top + 1)) - 1) : words[w]!;
    for (;;) {
      while (word !== 0) {
        const bit = 31 - Math.clz32(word);
        if (!visit(w * 32 + bit)) return;
        word &= ~(1 << bit);
      }
      if (--w < this.#low) return;
      word = words[w]!;
    }
  }

  clear(): void {
    if (this.#high >= 0) this.#words.fill(0, this.#low, this.#high + 1);
    this.#low = Number.POSITIVE_INFINITY;
    this.#high = -1;
  }
}
