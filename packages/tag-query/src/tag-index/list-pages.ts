import type { NamePass } from './list-names.js';

/**
 * Reads a page of matches off the tags lists (`TagLists`): the ranks from the first on,
 * testing each one's list (and name); the passing ranks of a kept name condition, a word at
 * a time; or a merge of the matching lists' rank arrays through a heap of cursors.
 */
export class ListPages {
  readonly #listOf: Uint16Array | Uint32Array;
  readonly #start: Uint32Array;
  readonly #ranks: Uint32Array;
  readonly #size: number;
  /** Scratch: the merge's heap of list cursors, with the rank each one points at. */
  readonly #heapKey: Uint32Array;
  readonly #heapPos: Uint32Array;
  readonly #heapEnd: Uint32Array;

  /** Over `TagLists`' `listOf`, `start` and `ranks`. */
  constructor(listOf: Uint16Array | Uint32Array, start: Uint32Array, ranks: Uint32Array) {
    this.#listOf = listOf;
    this.#start = start;
    this.#ranks = ranks;
    this.#size = listOf.length;
    const count = start.length - 1;
    this.#heapKey = new Uint32Array(count);
    this.#heapPos = new Uint32Array(count);
    this.#heapEnd = new Uint32Array(count);
  }

  /** Reads the passing ranks (bits by rank) from the first on, keeping those of a matching list. */
  walkRanks(listWords: Uint32Array, bits: Uint32Array, offset: number, end: number): number[] {
    const out: number[] = [];
    const listOf = this.#listOf;
    let seen = 0;
    for (let i = 0; i < bits.length && seen < end; i++) {
      let w = bits[i]!;
      while (w !== 0) {
        const low = w & -w;
        const rank = (i << 5) | (31 - Math.clz32(low));
        w ^= low;
        const list = listOf[rank]!;
        if (((listWords[list >>> 5]! >>> (list & 31)) & 1) === 0) continue;
        if (seen++ >= offset) out.push(rank);
        if (seen === end) break;
      }
    }
    return out;
  }

  /** Reads the ranks from the first on, keeping those of a matching list (and name). */
  walk(listWords: Uint32Array, offset: number, end: number, pass: NamePass | null): number[] {
    const out: number[] = [];
    const listOf = this.#listOf;
    const n = this.#size;
    let seen = 0;
    if (pass === null) {
      for (let rank = 0; rank < n && seen < end; rank++) {
        const list = listOf[rank]!;
        if (((listWords[list >>> 5]! >>> (list & 31)) & 1) === 0) continue;
        if (seen++ >= offset) out.push(rank);
      }
      return out;
    }
    const nameOf = pass.nameOf;
    const nameWords = pass.words;
    for (let rank = 0; rank < n && seen < end; rank++) {
      const list = listOf[rank]!;
      if (((listWords[list >>> 5]! >>> (list & 31)) & 1) === 0) continue;
      const name = nameOf[rank]!;
      if (((nameWords[name >>> 5]! >>> (name & 31)) & 1) === 0) continue;
      if (seen++ >= offset) out.push(rank);
    }
    return out;
  }

  /**
   * Merges the rank arrays of the matching lists through a binary heap of cursors (ordered
   * by the rank each one points at), keeping those whose name passes, until `end`.
   */
  merge(matched: Uint32Array, offset: number, end: number, pass: NamePass | null): number[] {
    const out: number[] = [];
    const ranks = this.#ranks;
    const key = this.#heapKey;
    const pos = this.#heapPos;
    const lim = this.#heapEnd;
    let size = 0;
    for (let i = 0; i < matched.length; i++) {
      const list = matched[i]!;
      if (this.#start[list + 1]! === this.#start[list]!) continue;
      pos[size] = this.#start[list]!;
      lim[size] = this.#start[list + 1]!;
      key[size++] = ranks[this.#start[list]!]!;
    }
    for (let i = (size >>> 1) - 1; i >= 0; i--) siftDown(key, pos, lim, size, i);
    const nameWords = pass?.words;
    const nameOfListRank = pass?.nameOfListRank;
    let seen = 0;
    while (size > 0 && seen < end) {
      const at = pos[0]!;
      if (nameWords === undefined) {
        if (seen++ >= offset) out.push(key[0]!);
      } else {
        const name = nameOfListRank![at]!;
        if (((nameWords[name >>> 5]! >>> (name & 31)) & 1) !== 0 && seen++ >= offset) out.push(key[0]!);
      }
      if (at + 1 === lim[0]) {
        size--;
        pos[0] = pos[size]!;
        lim[0] = lim[size]!;
        key[0] = key[size]!;
      } else {
        pos[0] = at + 1;
        key[0] = ranks[at + 1]!;
      }
      if (size > 1) siftDown(key, pos, lim, size, 0);
    }
    return out;
  }
}

/**
 * Moves the cursor at `from` down the heap of `size` cursors to its place. Each cursor's
 * rank sits beside it in `key`, so that comparing two reads no rank array.
 */
function siftDown(key: Uint32Array, pos: Uint32Array, lim: Uint32Array, size: number, from: number): void {
  let i = from;
  const k = key[i]!;
  const p = pos[i]!;
  const e = lim[i]!;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= size) break;
    if (child + 1 < size && key[child + 1]! < key[child]!) child++;
    if (key[child]! >= k) break;
    key[i] = key[child]!;
    pos[i] = pos[child]!;
    lim[i] = lim[child]!;
    i = child;
  }
  key[i] = k;
  pos[i] = p;
  lim[i] = e;
}
