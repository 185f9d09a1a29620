/** Bits set in a 32-bit word. */
export function popcount32(word: number): number {
  let w = word - ((word >>> 1) & 0x55555555);
  w = (w & 0x33333333) + ((w >>> 2) & 0x33333333);
  return (((w + (w >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * A fixed-size set of ranks (positions in the index's global order) as a bitset. Bit `r`
 * lives in word `r >>> 5`; iterating the words in order yields ranks in the global order,
 * which is what makes paging cheap.
 */
export class RankSet {
  readonly size: number;
  readonly words: Uint32Array;

  constructor(size: number, words?: Uint32Array) {
    this.size = size;
    this.words = words ?? new Uint32Array((size + 31) >>> 5);
  }

  /** Every rank of `0..size-1`. */
  static full(size: number): RankSet {
    return new RankSet(size).fillAll();
  }

  /** Makes this set hold every rank of `0..size-1`; the query scratch sets are refilled in place. */
  fillAll(): this {
    this.words.fill(0xffffffff);
    const tail = this.size & 31;
    if (tail !== 0) this.words[this.words.length - 1] = (2 ** tail - 1) >>> 0;
    return this;
  }

  clear(): this {
    this.words.fill(0);
    return this;
  }

  /** Makes this set equal to `other` (same size) without allocating. */
  copyFrom(other: RankSet): this {
    this.words.set(other.words);
    return this;
  }

  static fromRanks(size: number, ranks: ArrayLike<number>): RankSet {
    const set = new RankSet(size);
    set.addRanks(ranks);
    return set;
  }

  clone(): RankSet {
    return new RankSet(this.size, this.words.slice());
  }

  has(rank: number): boolean {
    return ((this.words[rank >>> 5]! >>> (rank & 31)) & 1) === 1;
  }

  add(rank: number): void {
    this.words[rank >>> 5]! |= 1 << (rank & 31);
  }

  delete(rank: number): void {
    this.words[rank >>> 5]! &= ~(1 << (rank & 31));
  }

  addRanks(ranks: ArrayLike<number>): void {
    const words = this.words;
    for (let i = 0; i < ranks.length; i++) {
      const r = ranks[i]!;
      words[r >>> 5]! |= 1 << (r & 31);
    }
  }

  deleteRanks(ranks: ArrayLike<number>): void {
    const words = this.words;
    for (let i = 0; i < ranks.length; i++) {
      const r = ranks[i]!;
      words[r >>> 5]! &= ~(1 << (r & 31));
    }
  }

  or(other: RankSet): void {
    const a = this.words;
    const b = other.words;
    for (let i = 0; i < a.length; i++) a[i]! |= b[i]!;
  }

  and(other: RankSet): void {
    const a = this.words;
    const b = other.words;
    for (let i = 0; i < a.length; i++) a[i]! &= b[i]!;
  }

  andNot(other: RankSet): void {
    const a = this.words;
    const b = other.words;
    for (let i = 0; i < a.length; i++) a[i]! &= ~b[i]!;
  }

  /**
   * Keeps only the ranks also listed in `ranks`, which must be sorted ascending (posting
   * lists are). One walk over words and ranks together builds each word's mask in place:
   * a temporary bitset here would cost a full-size allocation per query.
   */
  andRanks(ranks: ArrayLike<number>): void {
    const words = this.words;
    let next = 0;
    for (let i = 0; i < words.length; i++) {
      const end = (i + 1) << 5;
      let mask = 0;
      while (next < ranks.length && ranks[next]! < end) mask |= 1 << (ranks[next++]! & 31);
      words[i]! &= mask;
    }
  }

  count(): number {
    let n = 0;
    const words = this.words;
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      if (w !== 0) n += popcount32(w);
    }
    return n;
  }

  isEmpty(): boolean {
    const words = this.words;
    for (let i = 0; i < words.length; i++) if (words[i] !== 0) return false;
    return true;
  }

  /** How many members are below `rank`. */
  countBelow(rank: number): number {
    const words = this.words;
    const full = rank >>> 5;
    let n = 0;
    for (let i = 0; i < full; i++) {
      const w = words[i]!;
      if (w !== 0) n += popcount32(w);
    }
    const tail = rank & 31;
    if (tail !== 0) n += popcount32(words[full]! & ((2 ** tail - 1) >>> 0));
    return n;
  }

  /** How many members lie in `[from, to)`. */
  countBetween(from: number, to: number): number {
    if (from >= to) return 0;
    const words = this.words;
    const first = from >>> 5;
    const last = to >>> 5;
    const headMask = (0xffffffff << (from & 31)) >>> 0;
    const tailMask = (2 ** (to & 31) - 1) >>> 0;
    if (first === last) return popcount32(words[first]! & headMask & tailMask);
    let n = popcount32(words[first]! & headMask);
    for (let i = first + 1; i < last; i++) {
      const w = words[i]!;
      if (w !== 0) n += popcount32(w);
    }
    if (tailMask !== 0) n += popcount32(words[last]! & tailMask);
    return n;
  }

  /** Keeps the members for which `keep(rank)` is true, in one pass over the words. */
  retain(keep: (rank: number) => boolean): void {
    const words = this.words;
    for (let i = 0; i < words.length; i++) {
      let w = words[i]!;
      if (w === 0) continue;
      let kept = w;
      while (w !== 0) {
        const low = w & -w;
        if (!keep((i << 5) | (31 - Math.clz32(low)))) kept &= ~low;
        w ^= low;
      }
      words[i] = kept;
    }
  }

  /**
   * Calls `visit(rank)` for the members in ascending order, starting with the `skip`-th one
   * (0-based), until `visit` returns false. Whole words are skipped by popcount.
   */
  forEachFrom(skip: number, visit: (rank: number) => boolean): void {
    const words = this.words;
    let toSkip = skip;
    for (let i = 0; i < words.length; i++) {
      let w = words[i]!;
      if (w === 0) continue;
      if (toSkip > 0) {
        const bits = popcount32(w);
        if (bits <= toSkip) {
          toSkip -= bits;
          continue;
        }
        while (toSkip > 0) {
          w &= w - 1;
          toSkip--;
        }
      }
      while (w !== 0) {
        const low = w & -w;
        const rank = (i << 5) | (31 - Math.clz32(low));
        if (!visit(rank)) return;
        w ^= low;
      }
    }
  }
}
