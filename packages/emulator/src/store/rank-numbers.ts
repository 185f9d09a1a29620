/**
 * Orders and dense ranks of numbers without a comparator. Times at a million backups are
 * microseconds since the epoch (whole numbers below 2^53): those are ordered by a radix sort
 * of their bits, a few linear passes; anything else (fractions, negatives, NaN) by the
 * engine's numeric sort and a binary search per value.
 */

/** 16-bit digits: four passes cover 53 bits, and passes whose digit never varies are skipped. */
const digitBits = 16;
const digitSpan = 1 << digitBits;
const highSpan = 2 ** 32;

function radixable(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!(v >= 0 && v <= Number.MAX_SAFE_INTEGER && Math.floor(v) === v)) return false;
  }
  return true;
}

/**
 * The positions of `values` in ascending order, equal values in position order (stable):
 * an LSD radix sort over the low and high 32 bits, 16 bits a pass. Whole numbers in
 * [0, 2^53) only.
 */
export function radixOrder(values: Float64Array): Uint32Array {
  const n = values.length;
  const low = new Uint32Array(n);
  const high = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    const h = Math.floor(v / highSpan);
    high[i] = h;
    low[i] = v - h * highSpan;
  }
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let spare = new Uint32Array(n);
  // All four digit histograms in one read of the words.
  const counts = [0, 1, 2, 3].map(() => new Uint32Array(digitSpan));
  const [c0, c1, c2, c3] = counts as [Uint32Array, Uint32Array, Uint32Array, Uint32Array];
  for (let i = 0; i < n; i++) {
    const l = low[i]!;
    const h = high[i]!;
    c0[l & 0xffff]!++;
    c1[l >>> 16]!++;
    c2[h & 0xffff]!++;
    c3[h >>> 16]!++;
  }
  const passes = [
    [low, 0],
    [low, digitBits],
    [high, 0],
    [high, digitBits],
  ] as const;
  for (let pass = 0; pass < 4; pass++) {
    const [words, shift] = passes[pass]!;
    const starts = counts[pass]!;
    // A digit every value shares orders nothing: skip the scatter.
    if (n === 0 || starts[(words[0]! >>> shift) & 0xffff] === n) continue;
    let sum = 0;
    for (let d = 0; d < digitSpan; d++) {
      const c = starts[d]!;
      starts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const position = order[i]!;
      spare[starts[(words[position]! >>> shift) & 0xffff]!++] = position;
    }
    [order, spare] = [spare, order];
  }
  return order;
}

/**
 * The ascending order behind ranks that `rankNumbers` returned (rows by value, equal values
 * by row), held until a sort view takes it: the view of that key then needs no sort of its
 * own. Weak, so ranks nobody builds a view of let it go with them.
 */
const valueOrders = new WeakMap<Uint32Array, Uint32Array>();

/** The order kept for `ranks` (see `valueOrders`), once: it is handed over, not shared. */
export function takeValueOrder(ranks: Uint32Array): Uint32Array | undefined {
  const order = valueOrders.get(ranks);
  valueOrders.delete(ranks);
  return order;
}

/** Dense ranks of numbers: equal numbers share a rank, a lower number has a lower rank. */
export function rankNumbers(values: Float64Array): Uint32Array {
  const n = values.length;
  const ranks = new Uint32Array(n);
  if (radixable(values)) {
    const order = radixOrder(values);
    let rank = 0;
    for (let i = 0; i < n; i++) {
      if (i > 0 && values[order[i]!] !== values[order[i - 1]!]) rank++;
      ranks[order[i]!] = rank;
    }
    valueOrders.set(ranks, order);
    return ranks;
  }
  const sorted = values.slice().sort();
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++)
    if (i === 0 || sorted[i] !== sorted[distinct - 1]) sorted[distinct++] = sorted[i]!;
  for (let row = 0; row < n; row++) {
    const value = values[row]!;
    let lo = 0;
    let hi = distinct - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < value) lo = mid + 1;
      else hi = mid;
    }
    ranks[row] = lo;
  }
  return ranks;
}
