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
/** Positions scanned per read of the strings. */
const scanBlock = 8;
/** Positions looked at for keys; strings that agree this far are compared in full. */
const maxPositions = 48;

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * `ranks[i]` is the number of distinct strings below `values[i]`: equal strings share a rank,
 * and `ranks[i] < ranks[j]` exactly when `values[i] < values[j]`.
 */
export function rankTexts(values: readonly string[], comparatorBelow = comparatorSortBelow): Uint32Array {
  const n = values.length;
  const { order, keyChanged } = n < comparatorBelow ? comparatorOrder(values) : prefixKeyOrder(values);
  const ranks = new Uint32Array(n);
  let rank = 0;
  for (let i = 0; i < n; i++) {
    // A new key means a new string (equal strings have equal keys): no string to read.
    if (i > 0 && (keyChanged?.[i] === 1 || values[order[i]!] !== values[order[i - 1]!])) rank++;
    ranks[order[i]!] = rank;
  }
  return ranks;
}

interface TextOrder {
  order: Uint32Array;
  /** 1 where the sort key differs from the one before (so the strings differ too). */
  keyChanged?: Uint8Array;
}

function comparatorOrder(values: readonly string[]): TextOrder {
  const order = Array.from({ length: values.length }, (_, i) => i);
  order.sort((a, b) => compareText(values[a]!, values[b]!));
  return { order: Uint32Array.from(order) };
}

function prefixKeyOrder(values: readonly string[]): TextOrder {
  const n = values.length;
  let longest = 0;
  for (let i = 0; i < n; i++) if (values[i]!.length > longest) longest = values[i]!.length;
  const positions = Math.min(longest, maxPositions);
  const indexBits = Math.max(1, Math.ceil(Math.log2(n)));
  // 64 bits hold the key and the index; doubles keep the key exact up to 2^53.
  const keyBits = Math.min(64 - indexBits, 53);

  // Digit tables for the positions the key covers, while their radix product fits the bits.
  // Positions are scanned a block at a time, and only while the ones before them left room
  // in the key: for random ids two reads of each string (16 positions) rather than 36.
  const used: number[] = [];
  const digits: Uint16Array[] = [];
  const radices: number[] = [];
  let capacity = 1;
  const limit = 2 ** keyBits;
  // Which symbols occur at a position: 0 is the end of the string, c + 1 the code unit c.
  // The code units seen at each position are also OR-ed together, so that only the symbols
  // up to that bound are looked through (128 for ASCII, rather than 65537 every position).
  const present = Array.from({ length: scanBlock }, () => new Uint8Array(65537));
  const bounds = new Int32Array(scanBlock);
  let full = false;
  for (let block = 0; block < positions && !full; block += scanBlock) {
    const width = Math.min(scanBlock, positions - block);
    for (let k = 0; k < width; k++) {
      present[k]!.fill(0, 0, bounds[k]! + 1);
      bounds[k] = 0;
    }
    for (let i = 0; i < n; i++) {
      const value = values[i]!;
      const length = value.length;
      for (let k = 0; k < width; k++) {
        const p = block + k;
        const symbol = p < length ? value.charCodeAt(p) + 1 : 0;
        present[k]![symbol] = 1;
        bounds[k]! |= symbol;
      }
    }
    for (let k = 0; k < width; k++) {
      const seen = present[k]!;
      // Every symbol seen is at most the OR of them all.
      const bound = bounds[k]!;
      let radix = 0;
      const table = new Uint16Array(bound + 1);
      for (let c = 0; c <= bound; c++) if (seen[c] === 1) table[c] = radix++;
      if (radix <= 1) continue;
      if (capacity * radix > limit) {
        full = true;
        break;
      }
      capacity *= radix;
      used.push(block + k);
      digits.push(table);
      radices.push(radix);
    }
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
  const keyChanged = new Uint8Array(n);
  let runStart = 0;
  for (let i = 1; i <= n; i++) {
    const sameKey =
      i < n &&
      words[2 * i + 1] === words[2 * i - 1] &&
      words[2 * i]! >>> indexBits === words[2 * i - 2]! >>> indexBits;
    if (sameKey) continue;
    if (i < n) keyChanged[i] = 1;
    if (i - runStart > 1) {
      const run = Array.from(order.subarray(runStart, i));
      run.sort((a, b) => compareText(values[a]!, values[b]!));
      order.set(run, runStart);
    }
    runStart = i;
  }
  return { order, keyChanged };
}
