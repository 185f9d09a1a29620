import { type FlatNames, flatNames } from './name-grams.js';

/** The names' text decides their order up to this many characters (a pass over them each). */
const orderedPrefix = 16;

/**
 * The indexes of the names in the order of their text (code units above 254 tie), by its
 * first `orderedPrefix` characters: a radix sort, one counting pass a character from the
 * last, a few ms for 131k names where a comparison sort of the strings took ~150 ms.
 */
export function textOrder(flat: FlatNames): Uint32Array {
  const { codes, offsets } = flat;
  const n = offsets.length - 1;
  let order = new Uint32Array(n);
  let next = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let longest = 0;
  for (let i = 0; i < n; i++) longest = Math.max(longest, offsets[i + 1]! - offsets[i]!);
  const key = new Uint8Array(n);
  const at = new Uint32Array(257);
  for (let p = Math.min(longest, orderedPrefix) - 1; p >= 0; p--) {
    at.fill(0);
    for (let i = 0; i < n; i++) {
      const from = offsets[i]! + p;
      // 0: past the end, so that a name sorts before the longer names it starts.
      const c = from < offsets[i + 1]! ? Math.min(codes[from]!, 254) + 1 : 0;
      key[i] = c;
      at[c + 1]!++;
    }
    for (let c = 0; c < 256; c++) at[c + 1]! += at[c]!;
    for (let k = 0; k < n; k++) {
      const i = order[k]!;
      next[at[key[i]!]!++] = i;
    }
    [order, next] = [next, order];
  }
  return order;
}

/**
 * `names` in the order of their text, so that the names passing a needle sit together
 * (`autobk_3…` for `k_3`) and their ranks and counts are read in runs rather than a cache
 * miss a name: a broad needle's first sight cost ~40 ns a name so. Returns the names so
 * ordered, their flat code units (for the grams), and each name's new index by its old.
 * The text is read through flat code units: `charCodeAt` on the names themselves cost
 * ~100 ns a call (strings of mixed kinds).
 */
export function inTextOrder(names: readonly string[]): {
  names: string[];
  flat: FlatNames;
  idOf: Uint32Array;
} {
  const flat = flatNames(names);
  const order = textOrder(flat);
  const idOf = new Uint32Array(order.length);
  const offsets = new Uint32Array(order.length + 1);
  const codes =
    flat.codes instanceof Uint8Array ? new Uint8Array(flat.codes.length) : new Uint16Array(flat.codes.length);
  const ordered: string[] = new Array(order.length);
  for (let id = 0; id < order.length; id++) {
    const first = order[id]!;
    idOf[first] = id;
    ordered[id] = names[first]!;
    let to = offsets[id]!;
    for (let j = flat.offsets[first]!; j < flat.offsets[first + 1]!; j++) codes[to++] = flat.codes[j]!;
    offsets[id + 1] = to;
  }
  return { names: ordered, flat: { codes, offsets }, idOf };
}
