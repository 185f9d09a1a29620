/**
 * A kept name condition's passing backups as bits by rank (size/8 bytes: 125 KB at a million
 * backups, 16 MB for all 128 kept conditions), built from the passing names' ranks when a
 * page first reads them. A page walk then reads 32 ranks a word and tests the list of the
 * passing ones only: a needle passing a sixteenth of the names, with lists holding a fifth
 * of the backups, read ~40k ranks one by one for a page of 500.
 */
export class PassingRanks {
  /** The passing backups (set bits). */
  readonly count: number;
  #bits: Uint32Array | undefined;
  readonly #build: () => Uint32Array;

  constructor(count: number, build: () => Uint32Array) {
    this.count = count;
    this.#build = build;
  }

  get built(): boolean {
    return this.#bits !== undefined;
  }

  bits(): Uint32Array {
    this.#bits ??= this.#build();
    return this.#bits;
  }
}

/**
 * The ranks of the names whose bits are set in `words` as bits by rank: `start` and `ranks`
 * are the name table's `ranksByName`, read by runs of consecutive name ids.
 */
export function rankBitsOf(
  words: Uint32Array,
  start: Uint32Array,
  ranks: Uint32Array,
  size: number,
): Uint32Array {
  const bits = new Uint32Array((size + 31) >>> 5);
  for (let i = 0; i < words.length; i++) {
    let w = words[i]!;
    while (w !== 0) {
      const at = 31 - Math.clz32(w & -w);
      const rest = ~(w >>> at) & (0xffffffff >>> at);
      const length = rest === 0 ? 32 - at : 31 - Math.clz32(rest & -rest);
      w = length + at === 32 ? 0 : w & ~(((1 << length) - 1) << at);
      const first = (i << 5) | at;
      for (let j = start[first]!, stop = start[first + length]!; j < stop; j++) {
        const r = ranks[j]!;
        bits[r >>> 5]! |= 1 << (r & 31);
      }
    }
  }
  return bits;
}
