import type { Posting } from './posting.js';

/** A test of one rank; callers ask about ranks in ascending order only (see `postingTest`). */
export type RankTest = (rank: number) => boolean;

/**
 * How a query is answered without a full-size bitset per call:
 * - `none`: nothing matches (an ALL entry with no posting, or an unknown `matches` key);
 * - `all`: no condition at all, every live rank matches;
 * - `posting`: the answer is exactly one posting list, read straight off it;
 * - `drive`: walk a sparse posting list (the smallest positive requirement) and keep the
 *   ranks that pass `test`, which holds every other condition;
 * - `scratch`: anything else, evaluated with bitset operations into scratch sets that the
 *   segment owns and reuses.
 */
export type QueryPlan =
  | { readonly kind: 'none' }
  | { readonly kind: 'all' }
  | { readonly kind: 'posting'; readonly posting: Posting }
  | { readonly kind: 'drive'; readonly ranks: Uint32Array; readonly test: RankTest }
  | { readonly kind: 'scratch' };

/**
 * Membership in a sorted rank list for ascending questions: a cursor remembers where the
 * last answer was found and gallops forward from there (1, 2, 4, … steps, then a binary
 * search), so walking a driver of `d` ranks costs about `d log(gap)` rather than
 * `d log(list)`, and nothing is materialised.
 */
export function sortedRanksTest(ranks: Uint32Array): RankTest {
  let cursor = 0;
  return (rank) => {
    const n = ranks.length;
    if (cursor >= n) return false;
    if (ranks[cursor]! >= rank) return ranks[cursor] === rank;
    // Invariant: ranks[lo] < rank, and ranks[hi] >= rank or hi === n.
    let lo = cursor;
    let hi = cursor + 1;
    let step = 1;
    while (hi < n && ranks[hi]! < rank) {
      lo = hi;
      step <<= 1;
      hi = cursor + step;
    }
    if (hi > n) hi = n;
    lo++;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ranks[mid]! < rank) lo = mid + 1;
      else hi = mid;
    }
    cursor = lo;
    return lo < n && ranks[lo] === rank;
  };
}

export function postingTest(posting: Posting): RankTest {
  if (posting.kind === 'ranks') return sortedRanksTest(posting.ranks);
  const bits = posting.bits;
  return (rank) => bits.has(rank);
}

/** Whether a rank is in any of `postings` (an entry's values, or a `tags_any` list). */
export function unionTest(postings: readonly Posting[]): RankTest {
  if (postings.length === 0) return () => false;
  if (postings.length === 1) return postingTest(postings[0]!);
  const tests = postings.map(postingTest);
  // Indexed loops: these run once per candidate, and `for…of` allocates an iterator per call
  // until the optimizing compiler removes it, which shows as heap growth on a long driver.
  return (rank) => {
    for (let i = 0; i < tests.length; i++) if (tests[i]!(rank)) return true;
    return false;
  };
}

/** Whether a rank passes every test. */
export function allTest(tests: readonly RankTest[]): RankTest {
  if (tests.length === 1) return tests[0]!;
  return (rank) => {
    for (let i = 0; i < tests.length; i++) if (!tests[i]!(rank)) return false;
    return true;
  };
}
