import type { TaggedResource } from '../evaluate.js';
import { type Posting, prefersBits } from './posting.js';
import { RankSet } from './rank-set.js';

/** The posting lists of one key: every backup with the key, and those with each value. */
export interface KeyPostings {
  readonly any: Posting;
  readonly values: ReadonlyMap<string, Posting>;
}

/** Collects the ranks of one list into storage sized in advance. */
class PostingSink {
  readonly #bits: RankSet | undefined;
  readonly #ranks: Uint32Array | undefined;
  readonly #count: number;
  #fill = 0;

  constructor(size: number, count: number) {
    this.#count = count;
    if (prefersBits(size, count)) this.#bits = new RankSet(size);
    else this.#ranks = new Uint32Array(count);
  }

  push(rank: number): void {
    if (this.#bits) this.#bits.add(rank);
    else this.#ranks![this.#fill++] = rank;
  }

  posting(): Posting {
    if (this.#bits) return { kind: 'bits', bits: this.#bits, count: this.#count };
    return { kind: 'ranks', ranks: this.#ranks! };
  }
}

/**
 * Builds the posting lists of backups given in rank order, in two passes: the first numbers
 * every key and key/value pair, counts their backups and notes each tag's pair; the second
 * fills storage of exactly the right size. Growing a few thousand plain arrays to millions
 * of entries instead leaves garbage that, with a million backups in the heap, costs
 * more in full collections than the build itself.
 */
export function buildKeyPostings(backups: readonly TaggedResource[]): Map<string, KeyPostings> {
  const n = backups.length;
  let total = 0;
  for (let rank = 0; rank < n; rank++) total += backups[rank]!.tags?.length ?? 0;

  const keyIds = new Map<string, number>();
  const keyNames: string[] = [];
  const keyValues: Map<string, number>[] = [];
  const keyCounts: number[] = [];
  const keyLast: number[] = [];
  const pairKeys: number[] = [];
  const pairCounts: number[] = [];
  const pairLast: number[] = [];
  /** Each tag's pair number, or -1 when its backup already has that pair. */
  const tagPairs = new Int32Array(total);
  const tagStart = new Uint32Array(n + 1);

  let t = 0;
  for (let rank = 0; rank < n; rank++) {
    tagStart[rank] = t;
    const tags = backups[rank]!.tags;
    if (!tags) continue;
    for (let i = 0; i < tags.length && t < total; i++) {
      const tag = tags[i]!;
      let key = keyIds.get(tag.key);
      if (key === undefined) {
        key = keyNames.length;
        keyIds.set(tag.key, key);
        keyNames.push(tag.key);
        keyValues.push(new Map());
        keyCounts.push(0);
        keyLast.push(-1);
      }
      const value = tag.value ?? '';
      const values = keyValues[key]!;
      let pair = values.get(value);
      if (pair === undefined) {
        pair = pairKeys.length;
        values.set(value, pair);
        pairKeys.push(key);
        pairCounts.push(0);
        pairLast.push(-1);
      }
      if (keyLast[key] !== rank) {
        keyLast[key] = rank;
        keyCounts[key]!++;
      }
      if (pairLast[pair] !== rank) {
        pairLast[pair] = rank;
        pairCounts[pair]!++;
        tagPairs[t] = pair;
      } else {
        tagPairs[t] = -1;
      }
      t++;
    }
  }
  tagStart[n] = t;

  const keySinks = keyCounts.map((count) => new PostingSink(n, count));
  const pairSinks = pairCounts.map((count) => new PostingSink(n, count));
  keyLast.fill(-1);
  for (let rank = 0; rank < n; rank++) {
    for (let i = tagStart[rank]!; i < tagStart[rank + 1]!; i++) {
      const pair = tagPairs[i]!;
      if (pair < 0) continue;
      pairSinks[pair]!.push(rank);
      const key = pairKeys[pair]!;
      if (keyLast[key] !== rank) {
        keyLast[key] = rank;
        keySinks[key]!.push(rank);
      }
    }
  }

  const postings = new Map<string, KeyPostings>();
  keyNames.forEach((name, key) => {
    const values = new Map<string, Posting>();
    for (const [value, pair] of keyValues[key]!) values.set(value, pairSinks[pair]!.posting());
    postings.set(name, { any: keySinks[key]!.posting(), values });
  });
  return postings;
}
