import type { BlockTest, Condition } from './condition.js';
import type { RankBits } from './rank-bits.js';
import { blockShift } from './view-blocks.js';

/**
 * Rows being tested, a batch at a time (a walk's block, or part of a marked run). One
 * buffer: a page is planned start to end with no other page in between.
 */
const batch = new Uint32Array(1024);

/** Keeps the rows of `batch[0 .. length)` that pass every condition; returns how many. */
function filterBatch(conditions: readonly Condition[], length: number): number {
  for (let i = 0; i < conditions.length && length > 0; i++) length = conditions[i]!.filter(batch, length);
  return length;
}

/** Calls `visit` with the rows of `driver` that pass every condition of `rest`, a batch at a time. */
function forEachPassing(
  driver: Condition,
  rest: readonly Condition[],
  visit: (rows: Uint32Array, length: number) => void,
): void {
  driver.forEachRun((rows, length) => {
    if (rest.length === 0) {
      visit(rows, length);
      return;
    }
    for (let at = 0; at < length; at += batch.length) {
      const end = Math.min(length, at + batch.length);
      batch.set(rows.subarray(at, end));
      const kept = filterBatch(rest, end - at);
      if (kept > 0) visit(batch, kept);
    }
  });
}

/** Marks in `bits` the rank (`rankOf`) of each row of `driver` that passes `rest`. */
export function markPassing(
  driver: Condition,
  rest: readonly Condition[],
  rankOf: Uint32Array,
  bits: RankBits,
): void {
  forEachPassing(driver, rest, (rows, length) => {
    for (let i = 0; i < length; i++) bits.add(rankOf[rows[i]!]!);
  });
}

/** How many rows of `driver` pass `rest`. */
export function countPassing(driver: Condition, rest: readonly Condition[]): number {
  let count = 0;
  forEachPassing(driver, rest, (_, length) => {
    count += length;
  });
  return count;
}

/** How much of the order one walk serves, and how many row tests it may spend. */
export interface WalkBounds {
  offset: number;
  limit: number;
  budget: number;
}

/**
 * Reads a view's `order` from reading position `start` on (backwards when `reversed`),
 * testing rows a block at a time, into `out`; blocks that a test in `tests` rules out are
 * not read. False when `budget` rows were read before the page was complete (the caller
 * then marks instead); the budget is spent a block at a time.
 */
export function walkView(
  order: Uint32Array,
  reversed: boolean,
  start: number,
  conditions: readonly Condition[],
  tests: readonly BlockTest[],
  bounds: WalkBounds,
  out: number[],
): boolean {
  const n = order.length;
  const { limit } = bounds;
  let { budget } = bounds;
  // Ranks of the stored view, read upwards, or downwards when reversed.
  const step = reversed ? -1 : 1;
  const end = reversed ? -1 : n;
  let rank = reversed ? n - 1 - start : start;
  let skip = bounds.offset;
  const rows = batch;
  while (rank !== end) {
    const block = rank >>> blockShift;
    // The first rank of the next block in reading order (or the end).
    const blockEnd = reversed ? (block << blockShift) - 1 : Math.min(n, (block + 1) << blockShift);
    let open = true;
    for (let t = 0; t < tests.length; t++) {
      if (!tests[t]!(block)) {
        open = false;
        break;
      }
    }
    if (!open) {
      rank = blockEnd;
      continue;
    }
    // At or below zero, not at zero: a budget drawn from an estimate need not be whole.
    if (budget <= 0) return false;
    let length = 0;
    for (; rank !== blockEnd; rank += step) rows[length++] = order[rank]!;
    budget -= length;
    length = filterBatch(conditions, length);
    for (let i = 0; i < length; i++) {
      if (skip > 0) skip--;
      else {
        out.push(rows[i]!);
        if (out.length === limit) return true;
      }
    }
  }
  return true;
}
