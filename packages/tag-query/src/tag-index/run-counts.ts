/**
 * Per-list counts of the backups in a range of positions of the ranks in name order
 * (`ListNames`' `listOfNameRank`), for a kept name condition: with name ids in the order of
 * the names' text, a broad needle's passing names are a few long runs (`auto`: one run of
 * 700k backups at a million), and reading every backup of them to count its list cost ~1 ms
 * at the needle's first sight. The counts of every list before each checkpoint (every
 * `step` positions) are kept, so that a range is the difference of two checkpoints (a pass
 * over the lists) and the positions at its two ragged ends, read one by one.
 *
 * Memory: positions/step × lists × 4 bytes, with `step` at least 4 × lists: at most a byte
 * a position (1 MB at a million backups).
 */
export class RunCounts {
  readonly #listOf: Uint16Array | Uint32Array;
  readonly #lists: number;
  readonly #step: number;
  /** The counts of every list in positions [0, c × step), list `l` at `c × lists + l`. */
  readonly #before: Uint32Array;

  /** `listOf`: position → list, of `lists` lists; `step` other than the default for tests. */
  constructor(listOf: Uint16Array | Uint32Array, lists: number, step = Math.max(16384, 4 * lists)) {
    this.#listOf = listOf;
    this.#lists = lists;
    this.#step = step;
    const checkpoints = Math.floor(listOf.length / this.#step);
    this.#before = new Uint32Array((checkpoints + 1) * lists);
    const running = new Uint32Array(lists);
    for (let c = 1; c <= checkpoints; c++) {
      for (let j = (c - 1) * this.#step; j < c * this.#step; j++) running[listOf[j]!]!++;
      this.#before.set(running, c * lists);
    }
  }

  /** Adds to `perList` (`sign` 1) or takes from it (-1) the lists of positions [from, to). */
  count(perList: Uint32Array, from: number, to: number, sign: 1 | -1): void {
    const listOf = this.#listOf;
    const step = this.#step;
    const low = Math.ceil(from / step);
    const high = Math.floor(to / step);
    if (high <= low) {
      for (let j = from; j < to; j++) perList[listOf[j]!]! += sign;
      return;
    }
    for (let j = from; j < low * step; j++) perList[listOf[j]!]! += sign;
    const lists = this.#lists;
    const before = this.#before;
    const a = low * lists;
    const b = high * lists;
    if (sign === 1) for (let l = 0; l < lists; l++) perList[l]! += before[b + l]! - before[a + l]!;
    else for (let l = 0; l < lists; l++) perList[l]! -= before[b + l]! - before[a + l]!;
    for (let j = high * step; j < to; j++) perList[listOf[j]!]! += sign;
  }
}
