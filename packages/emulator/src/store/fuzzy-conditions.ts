import { type BlockTest, type Condition, ExactCondition, noMatch, type VisitRun } from './condition.js';
import { GenerationalCache } from './generational-cache.js';
import type { NameGrams } from './name-grams.js';
import type { StringColumn } from './string-column.js';
import { anyBitIn, type ViewBlocks } from './view-blocks.js';

/**
 * A fuzzy column: its interned values, their n-grams, and each row's value rank (the name
 * order), kept so that a name needle read in name order can step over blocks.
 */
export interface FuzzyColumn {
  readonly column: StringColumn;
  readonly grams: NameGrams;
  /** The sort key ordering rows by this column's text, with the ranks below; absent when none does. */
  readonly sortKey?: string | undefined;
  /** Per row, its value's rank in the text order. */
  readonly rowRanks?: Uint32Array | undefined;
  /** Per code, its value's rank. */
  readonly valueRanks?: Uint32Array | undefined;
}

/** The runs `forEachRun` hands over (one at a time, so one buffer serves every condition). */
const gathered = new Uint32Array(1024);

/**
 * A fuzzy filter: the distinct values that contain the needle, as one bit a code, and their
 * rows. Independent of the request, so kept per needle (see `FuzzyConditions`).
 */
class FuzzyCondition implements Condition {
  readonly count: number;
  readonly #fuzzy: FuzzyColumn;
  readonly #codes: ArrayLike<number>;
  /** One bit a distinct value (16 KiB for 131k names), not a byte. */
  readonly #mask: Uint32Array;
  /** The matched codes ascending, when no larger than the mask: visited without reading it. */
  readonly #matched: Uint32Array | undefined;
  #rankMask: Uint32Array | undefined;

  constructor(fuzzy: FuzzyColumn, matched: Uint32Array) {
    const { column } = fuzzy;
    this.#fuzzy = fuzzy;
    this.#codes = column.codes;
    const mask = new Uint32Array((column.values.length + 31) >>> 5);
    const { starts } = column.grouped();
    let count = 0;
    for (let i = 0; i < matched.length; i++) {
      const code = matched[i]!;
      mask[code >>> 5]! |= 1 << (code & 31);
      count += starts[code + 1]! - starts[code]!;
    }
    this.#mask = mask;
    this.#matched = matched.length <= mask.length ? matched : undefined;
    this.count = count;
  }

  filter(rows: Uint32Array, length: number): number {
    const codes = this.#codes;
    const mask = this.#mask;
    let kept = 0;
    for (let i = 0; i < length; i++) {
      const row = rows[i]!;
      const code = codes[row]!;
      if ((mask[code >>> 5]! & (1 << (code & 31))) !== 0) rows[kept++] = row;
    }
    return kept;
  }

  /** The rows of each matched value gathered into runs: a value has only a few rows. */
  forEachRun(visit: VisitRun): void {
    const { starts, rows } = this.#fuzzy.column.grouped();
    const run = gathered;
    let length = 0;
    const matched = this.#matched;
    const mask = this.#mask;
    // The codes from the list, or else from the mask's set bits, in the same order.
    let next = 0;
    let w = -1;
    let word = 0;
    for (;;) {
      let code: number;
      if (matched !== undefined) {
        if (next === matched.length) break;
        code = matched[next++]!;
      } else {
        while (word === 0 && ++w < mask.length) word = mask[w]!;
        if (word === 0) break;
        code = w * 32 + 31 - Math.clz32(word & -word);
        word &= word - 1;
      }
      const end = starts[code + 1]!;
      for (let k = starts[code]!; k < end; k++) {
        run[length++] = rows[k]!;
        if (length === run.length) {
          visit(run, length);
          length = 0;
        }
      }
    }
    if (length > 0) visit(run, length);
  }

  /** In a view ordered by this column, a block's value ranks are a narrow range: test it. */
  blockTest(blocks: ViewBlocks): BlockTest | undefined {
    const { rowRanks, valueRanks, sortKey } = this.#fuzzy;
    // In any other order a block's ranks span nearly every value: nothing to step over.
    if (rowRanks === undefined || valueRanks === undefined || blocks.leadingKey !== sortKey) return undefined;
    const ranges = blocks.ranges(rowRanks);
    if (this.#rankMask === undefined) {
      const byRank = new Uint32Array(this.#mask.length);
      const mask = this.#mask;
      for (let w = 0; w < mask.length; w++) {
        let word = mask[w]!;
        while (word !== 0) {
          const rank = valueRanks[w * 32 + 31 - Math.clz32(word & -word)]!;
          byRank[rank >>> 5]! |= 1 << (rank & 31);
          word &= word - 1;
        }
      }
      this.#rankMask = byRank;
    }
    const byRank = this.#rankMask;
    return (block) => anyBitIn(byRank, ranges.lowAt(block), ranges.highAt(block));
  }
}

/** Needles whose conditions are kept: a client paging one fuzzy filter asks each page. */
const cachedNeedles = 128;
/** Answers whose conditions are kept, by the array `matching` handed over (see `#byAnswer`). */
const cachedAnswers = 128;

/** The fuzzy conditions of one column, by lower-cased needle. */
export class FuzzyConditions {
  readonly #fuzzy: FuzzyColumn;
  readonly #kept = new GenerationalCache<string, Condition | typeof noMatch>(cachedNeedles);
  /**
   * Conditions by answer: needles whose answer is their rarest gram's whole posting get
   * that array from `matching`, so `man`, `manu` and `manual` share one mask, count and rank
   * mask, built once (~100-200 µs for the 65k names of a broad answer). Keyed by the
   * posting's identity; a copied answer is never met again and is not kept here.
   */
  readonly #byAnswer = new GenerationalCache<Uint32Array, FuzzyCondition>(cachedAnswers);

  constructor(fuzzy: FuzzyColumn) {
    this.#fuzzy = fuzzy;
  }

  /** The condition of `wanted`; null for the empty needle (every text contains it). */
  of(wanted: string): Condition | typeof noMatch | null {
    const needle = wanted.toLowerCase();
    if (needle === '') return null;
    return this.#kept.get(needle, () => {
      const { column, grams } = this.#fuzzy;
      const matched = grams.matching(needle);
      if (matched.length === 0) return noMatch;
      if (matched.length === 1) return new ExactCondition(column, matched[0]!);
      if (!grams.isPosting(matched)) return new FuzzyCondition(this.#fuzzy, matched);
      return this.#byAnswer.get(matched, () => new FuzzyCondition(this.#fuzzy, matched));
    });
  }
}

/** The fuzzy conditions kept per column, beside the columns. */
export interface FuzzyFilters {
  readonly name: FuzzyConditions;
  readonly resource_name: FuzzyConditions;
}
