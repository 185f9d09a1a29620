import type { ResourceTagLike, TaggedResource } from '../evaluate.js';
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

/** Whether answering by distinct tags lists pays (`TagLists`): far fewer lists than backups. */
export function tagListsPay(backups: number, lists: number): boolean {
  return (lists + 1) * 8 <= backups;
}

/** What `buildKeyPostings` found: the postings, and the distinct tags lists behind them. */
export interface BuiltPostings {
  /** Undefined when `wantPostings` declined them (the lists alone were wanted). */
  readonly keys: Map<string, KeyPostings> | undefined;
  /** Rank → its distinct tags list (an index into `lists`), -1 for a backup without tags. */
  readonly listOfRank: Int32Array;
  /** The distinct tags lists (by identity), in the order first seen. */
  readonly lists: readonly (readonly ResourceTagLike[])[];
}

/**
 * Builds the posting lists of backups given in rank order, in two passes: the first numbers
 * every key and key/value pair and counts their backups, the second fills storage of exactly
 * the right size. Growing a few thousand plain arrays to millions of entries instead leaves
 * garbage that, with a million backups in the heap, costs more in full collections than the
 * build itself.
 *
 * Backups often share one tags list (all backups of a server): each distinct list (by
 * identity) is resolved into its distinct pairs and keys once, so the passes cost a few
 * typed-array reads per tag rather than two map look-ups of strings.
 */
export function buildKeyPostings(
  backups: readonly TaggedResource[],
  wantPostings: (backups: number, lists: number) => boolean = () => true,
): BuiltPostings {
  const n = backups.length;
  const keyIds = new Map<string, number>();
  const keyNames: string[] = [];
  const keyValues: Map<string, number>[] = [];
  const pairKeys: number[] = [];
  /** Distinct tags lists: list id by identity, and each one's distinct pairs and keys. */
  const listIds = new Map<readonly ResourceTagLike[], number>();
  const listPairs: number[] = [];
  const listPairStart: number[] = [0];
  const listKeys: number[] = [];
  const listKeyStart: number[] = [0];
  const listOfRank = new Int32Array(n);
  const keyLast: number[] = [];
  const pairLast: number[] = [];

  for (let rank = 0; rank < n; rank++) {
    const tags = backups[rank]!.tags;
    if (!tags || tags.length === 0) {
      listOfRank[rank] = -1;
      continue;
    }
    let list = listIds.get(tags);
    if (list === undefined) {
      list = listIds.size;
      listIds.set(tags, list);
      for (let i = 0; i < tags.length; i++) {
        const tag = tags[i]!;
        let key = keyIds.get(tag.key);
        if (key === undefined) {
          key = keyNames.length;
          keyIds.set(tag.key, key);
          keyNames.push(tag.key);
          keyValues.push(new Map());
          keyLast.push(-1);
        }
        const value = tag.value ?? '';
        const values = keyValues[key]!;
        let pair = values.get(value);
        if (pair === undefined) {
          pair = pairKeys.length;
          values.set(value, pair);
          pairKeys.push(key);
          pairLast.push(-1);
        }
        // A list that names a key or pair twice still counts its backup once.
        if (keyLast[key] !== list) {
          keyLast[key] = list;
          listKeys.push(key);
        }
        if (pairLast[pair] !== list) {
          pairLast[pair] = list;
          listPairs.push(pair);
        }
      }
      listPairStart.push(listPairs.length);
      listKeyStart.push(listKeys.length);
    }
    listOfRank[rank] = list;
  }

  if (!wantPostings(n, listIds.size)) return { keys: undefined, listOfRank, lists: [...listIds.keys()] };

  // Members per key and pair: the backups of each list, summed over the lists.
  const lists = listIds.size;
  const backupsOfList = new Uint32Array(lists);
  for (let rank = 0; rank < n; rank++) if (listOfRank[rank]! >= 0) backupsOfList[listOfRank[rank]!]!++;
  const keyCounts = new Array<number>(keyNames.length).fill(0);
  const pairCounts = new Array<number>(pairKeys.length).fill(0);
  for (let list = 0; list < lists; list++) {
    const m = backupsOfList[list]!;
    for (let i = listPairStart[list]!; i < listPairStart[list + 1]!; i++) pairCounts[listPairs[i]!]! += m;
    for (let i = listKeyStart[list]!; i < listKeyStart[list + 1]!; i++) keyCounts[listKeys[i]!]! += m;
  }

  const keySinks = keyCounts.map((count) => new PostingSink(n, count));
  const pairSinks = pairCounts.map((count) => new PostingSink(n, count));
  for (let rank = 0; rank < n; rank++) {
    const list = listOfRank[rank]!;
    if (list < 0) continue;
    for (let i = listPairStart[list]!; i < listPairStart[list + 1]!; i++)
      pairSinks[listPairs[i]!]!.push(rank);
    for (let i = listKeyStart[list]!; i < listKeyStart[list + 1]!; i++) keySinks[listKeys[i]!]!.push(rank);
  }

  const postings = new Map<string, KeyPostings>();
  keyNames.forEach((name, key) => {
    const values = new Map<string, Posting>();
    for (const [value, pair] of keyValues[key]!) values.set(value, pairSinks[pair]!.posting());
    postings.set(name, { any: keySinks[key]!.posting(), values });
  });
  return { keys: postings, listOfRank, lists: [...listIds.keys()] };
}
