import type { BlockTest, Condition } from './condition.js';
import { blockShift } from './view-blocks.js';

export function passesAll(conditions: readonly Condition[], row: number): boolean {
  for (let i = 0; i < conditions.length; i++) if (!conditions[i]!.test(row)) return false;
  return true;
}

/** How much of the order one walk serves, and how many row tests it may spend. */
export interface WalkBounds {
  offset: number;
  limit: number;
  budget: number;
}

/**
 * Reads a view's `order` from reading position `start` on (backwards when `reversed`),
 * testing rows, into `out`; blocks that a test in `tests` rules out are not read. False
 * when `budget` rows were tested before the page was complete (the caller then marks
 * instead).
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
    for (; rank !== blockEnd; rank += step) {
      // At or below zero, not at zero: a budget drawn from an estimate need not be whole.
      if (budget-- <= 0) return false;
      const row = order[rank]!;
      if (!passesAll(conditions, row)) continue;
      if (skip > 0) skip--;
      else {
        out.push(row);
        if (out.length === limit) return true;
      }
    }
  }
  return true;
}
