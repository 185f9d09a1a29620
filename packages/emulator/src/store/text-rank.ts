/**
 * Dense ranks of strings in UTF-16 code-unit order (what `<` on strings compares), without
 * sorting a million strings through a comparator (seconds on this machine). Each string gets
 * a numeric prefix key: the character positions where the strings differ (positions that
 * hold the same character in every string cannot decide an order and are skipped), each
 * digit the rank of its character among those seen at that position, an end-of-string
 * symbol ranking lowest. The key is monotone in the string order, so one native typed-array
 * sort of `key | index` orders everything; only strings whose keys tie (they agree on every
 * position the key covers) are compared as strings.
 */

/** Past this many strings the prefix keys pay; below it a comparator sort is quicker. */
const comparatorSortBelow = 2048;
/** Positions looked at for keys; strings that agree this far are compared in full. */
const maxPositions = 48;

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * `ranks[i]` is the number of distinct strings below `values[i]`: equal strings share a rank,
 * and `ranks[i] < ranks[j]` exactly when `values[i] < values[j]`.
 */
export function rankTexts(values: readonly string[], comparatorBelow = comparatorSortBelow): Uint32Array {
  const n = values.length;
  const order = n < comparatorBelow ? comparatorOrder(values) : prefixKeyOrder(values);
  const ranks = new Uint32Array(n);
  let rank = 0;
  for (let i = 0; i < n; i++) {
    if (i > 0 && values[order[i]!] !== values[order[i - 1]!]) rank++;
    ranks[order[i]!] = rank;
  }
  return ranks;
}

function comparatorOrder(values: readonly string[]): Uint32Array {
  const order = Array.from({ length: values.length }, (_, i) => i);
  order.sort((a, b) => compareText(values[a]!, values[b]!));
  return Uint32Array.from(order);
}

function prefixKeyOrder(values: readonly string[]): Uint32Array {
  const n = values.length;
  let longest = 0;
  for (let i = 0; i < n; i++) if (values[i]!.length > longest) longest = values[i]!.length;
  const positions = Math.min(longest, maxPositions);
  const indexBits = Math.max(1, Math.ceil(Math.log2(n)));
  // 64 bits hold the key and the index; doubles keep the key exact up to 2^53.
  const keyBits = Math.min(64 - indexBits, 53);

  // Digit tables for the positions the key covers, while their radix product fits the bits.
  // Each position is scanned only when the ones before it left room in the key: for random
  // ids that is 8 or 9 positions of 36, not all of them.
  const used: number[] = [];
  const digits: Uint16Array[] = [];
  const radices: number[] = [];
  let capacity = 1;
  const limit = 2 ** keyBits;
  // Which symbols occur at a position: 0 is the end of the string, c + 1 the code unit c.
  const present = new Uint8Array(65537);
  for (let p = 0; p < positions; p++) {
    present.fill(0);
    for (let i = 0; i < n; i++) {
      const value = values[i]!;
      present[p < value.length ? value.charCodeAt(p) + 1 : 0] = 1;
    }
    let radix = 0;
    const table = new Uint16Array(65537);
    for (let s = 0; s < 65537; s++) if (present[s] === 1) table[s] = radix++;
    if (radix <= 1) continue;
    if (capacity * radix > limit) break;
    capacity *= radix;
    used.push(p);
    digits.push(table);
    radices.push(radix);
  }

  const packed = new BigUint64Array(n);
  const words = new Uint32Array(packed.buffer);
  const lowKeyBits = 32 - indexBits;
  const lowKeySpan = 2 ** lowKeyBits;
  for (let i = 0; i < n; i++) {
    const value = values[i]!;
    const length = value.length;
    let key = 0;
    for (let k = 0; k < used.length; k++) {
      const p = used[k]!;
      key = key * radices[k]! + digits[k]![p < length ? value.charCodeAt(p) + 1 : 0]!;
    }
    // Little-endian: word 2i is the low half (key's low bits above the index), 2i+1 the high.
    const high = Math.floor(key / lowKeySpan);
    words[2 * i] = (((key - high * lowKeySpan) * 2 ** indexBits) >>> 0) + i;
    words[2 * i + 1] = high;
  }
  packed.sort();

  const order = new Uint32Array(n);
  const indexMask = indexBits === 32 ? 0xffffffff : 2 ** indexBits - 1;
  for (let i = 0; i < n; i++) order[i] = (words[2 * i]! & indexMask) >>> 0;
  // Runs of equal keys: their strings agree on every covered position; compare them fully.
  let runStart = 0;
  for (let i = 1; i <= n; i++) {
    const sameKey =
      i < n &&
      words[2 * i + 1] === words[2 * i - 1] &&
      words[2 * i]! >>> indexBits === words[2 * i - 2]! >>> indexBits;
    if (sameKey) continue;
    if (i - runStart > 1) {
      const run = Array.from(order.subarray(runStart, i));
      run.sort((a, b) => compareText(values[a]!, values[b]!));
      order.set(run, runStart);
    }
    runStart = i;
  }
  return order;
}
