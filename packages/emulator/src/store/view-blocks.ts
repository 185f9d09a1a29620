/**
 * Summaries of a sort view in blocks of consecutive ranks (zone maps): for a block, which
 * values of a column occur in it, so that a page walking the view can step over a block
 * whose rows cannot pass a filter without reading them. They pay where a filter follows the
 * order: a time window read in a time order, a status read in status order, a name needle
 * read in name order (matches there come in runs, and a marker far from them would
 * otherwise make the walk read every row in between).
 */

/** Ranks per block: 128, so a block's rows are tested in well under a microsecond. */
export const blockShift = 7;
export const blockSize = 1 << blockShift;

export const blockCount = (size: number): number => (size + blockSize - 1) >>> blockShift;

/**
 * Per block, the least and greatest of `values[row]` over its rows. Each block is summarised
 * when first asked for (its 128 rows read once, what one walk through it costs anyway), so
 * no request waits for a summary of the whole order (10-20 ms at a million backups).
 */
export class RangeBlocks {
  readonly #order: Uint32Array;
  readonly #values: ArrayLike<number>;
  readonly #low: Uint32Array;
  readonly #high: Uint32Array;
  readonly #known: Uint8Array;

  constructor(order: Uint32Array, values: ArrayLike<number>) {
    const blocks = blockCount(order.length);
    this.#order = order;
    this.#values = values;
    this.#low = new Uint32Array(blocks);
    this.#high = new Uint32Array(blocks);
    this.#known = new Uint8Array(blocks);
  }

  #summarise(b: number): void {
    const order = this.#order;
    const values = this.#values;
    const end = Math.min(order.length, (b + 1) << blockShift);
    let low = 0xffffffff;
    let high = 0;
    for (let rank = b << blockShift; rank < end; rank++) {
      const v = values[order[rank]!]!;
      if (v < low) low = v;
      if (v > high) high = v;
    }
    this.#low[b] = low;
    this.#high[b] = high;
    this.#known[b] = 1;
  }

  lowAt(b: number): number {
    if (this.#known[b] === 0) this.#summarise(b);
    return this.#low[b]!;
  }

  highAt(b: number): number {
    if (this.#known[b] === 0) this.#summarise(b);
    return this.#high[b]!;
  }
}

/** Whether any bit of `mask` from `low` to `high` (inclusive) is set. */
export function anyBitIn(mask: Uint32Array, low: number, high: number): boolean {
  const first = low >>> 5;
  const last = high >>> 5;
  const head = ~0 << (low & 31);
  const tail = (high & 31) === 31 ? ~0 : (1 << ((high & 31) + 1)) - 1;
  if (first === last) return (mask[first]! & head & tail) !== 0;
  if ((mask[first]! & head) !== 0 || (mask[last]! & tail) !== 0) return true;
  for (let w = first + 1; w < last; w++) if (mask[w]! !== 0) return true;
  return false;
}

/** Codes of columns up to this many distinct values get one bit each per block. */
export const maxMaskedCodes = 32;

/** Per block, a bit for each code (below `maxMaskedCodes`) held by one of its rows; summarised on first ask. */
export class CodeBlocks {
  readonly #order: Uint32Array;
  readonly #codes: ArrayLike<number>;
  readonly #masks: Uint32Array;
  readonly #known: Uint8Array;

  constructor(order: Uint32Array, codes: ArrayLike<number>) {
    const blocks = blockCount(order.length);
    this.#order = order;
    this.#codes = codes;
    this.#masks = new Uint32Array(blocks);
    this.#known = new Uint8Array(blocks);
  }

  maskAt(b: number): number {
    if (this.#known[b] === 0) {
      const order = this.#order;
      const codes = this.#codes;
      const end = Math.min(order.length, (b + 1) << blockShift);
      let mask = 0;
      for (let rank = b << blockShift; rank < end; rank++) mask |= 1 << codes[order[rank]!]!;
      this.#masks[b] = mask;
      this.#known[b] = 1;
    }
    return this.#masks[b]!;
  }
}

/**
 * The summaries of one view, made for each column a filter reads (72 KiB at most each at a
 * million backups, their blocks summarised as walks reach them) and dropped with the view.
 */
export class ViewBlocks {
  /** The view's first sort key: a filter on that key's column finds its rows in runs. */
  readonly leadingKey: string;
  readonly #order: Uint32Array;
  readonly #ranges = new Map<ArrayLike<number>, RangeBlocks>();
  readonly #codes = new Map<ArrayLike<number>, CodeBlocks>();

  constructor(order: Uint32Array, leadingKey: string) {
    this.#order = order;
    this.leadingKey = leadingKey;
  }

  /** Value ranges of `values` (a row's rank or code, whatever the filter compares). */
  ranges(values: ArrayLike<number>): RangeBlocks {
    let blocks = this.#ranges.get(values);
    if (blocks === undefined) {
      blocks = new RangeBlocks(this.#order, values);
      this.#ranges.set(values, blocks);
    }
    return blocks;
  }

  /** Code masks of `codes`, whose codes must all be below `maxMaskedCodes`. */
  codes(codes: ArrayLike<number>): CodeBlocks {
    let blocks = this.#codes.get(codes);
    if (blocks === undefined) {
      blocks = new CodeBlocks(this.#order, codes);
      this.#codes.set(codes, blocks);
    }
    return blocks;
  }
}
