import type { RankTest } from './query-plan.js';
import type { RankSet } from './rank-set.js';

/**
 * Which characters a string holds, as 32 bits: `a`–`z` have a bit each, digits share five,
 * everything else shares one. A name can contain a needle only if its bits cover the
 * needle's, so most names are ruled out by one integer test before any string is read.
 */
export function characterBits(text: string): number {
  let bits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) bits |= 1 << (c - 0x61);
    else if (c >= 0x30 && c <= 0x39) bits |= 1 << (26 + ((c - 0x30) % 5));
    else bits |= 1 << 31;
  }
  return bits >>> 0;
}

const UNKNOWN = 0;
const YES = 1;
const NO = 2;

/**
 * The names by rank, built on the first name search: each rank points at one of the
 * distinct lower-cased names, which carry their character bits. Backups share names (a
 * policy's runs, a generator's few thousand patterns), so a query tests each distinct name
 * at most once and every further rank with that name costs one array read: at a million
 * backups with 131k distinct names, a name search went from ~4 ms of `includes` per query
 * to mostly the walk over the candidate bits.
 */
export class NameTable {
  /** Rank → index into `lowerNames`. */
  readonly nameOf: Uint32Array;
  /** The distinct names, lower-cased (two spellings of one lower-case name may both be here). */
  readonly lowerNames: string[] = [];
  readonly #bits: number[] = [];
  /** Per distinct name, the answer for the current needles: UNKNOWN, YES or NO. */
  #memo: Uint8Array = new Uint8Array(0);
  #groups: { start: Uint32Array; ranks: Uint32Array } | undefined;

  constructor(names: readonly (string | null | undefined)[]) {
    this.nameOf = new Uint32Array(names.length);
    const idOf = new Map<string, number>();
    for (let rank = 0; rank < names.length; rank++) {
      const name = names[rank] ?? '';
      let id = idOf.get(name);
      if (id === undefined) {
        id = this.lowerNames.length;
        idOf.set(name, id);
        const lower = name.toLowerCase();
        this.lowerNames.push(lower);
        this.#bits.push(characterBits(lower));
      }
      this.nameOf[rank] = id;
    }
    this.#memo = new Uint8Array(this.lowerNames.length);
  }

  #test(id: number, needles: readonly string[], needleBits: number): boolean {
    if ((this.#bits[id]! & needleBits) >>> 0 !== needleBits) return false;
    const name = this.lowerNames[id]!;
    // Indexed: this runs once per candidate, and `for…of` allocates an iterator per call
    // until the optimizing compiler removes it.
    for (let i = 0; i < needles.length; i++) if (!name.includes(needles[i]!)) return false;
    return true;
  }

  /** Whether the name at `rank` contains every needle (already lower-cased). */
  contains(rank: number, needles: readonly string[], needleBits: number): boolean {
    return this.#test(this.nameOf[rank]!, needles, needleBits);
  }

  /**
   * A test of ranks against `needles` (lower-cased) that remembers each distinct name's
   * answer. Valid until the next `matcher` or `retainMatching` call on this table.
   */
  matcher(needles: readonly string[], needleBits: number): RankTest {
    const memo = this.#memo.fill(UNKNOWN);
    const nameOf = this.nameOf;
    return (rank) => {
      const id = nameOf[rank]!;
      const known = memo[id]!;
      if (known !== UNKNOWN) return known === YES;
      const yes = this.#test(id, needles, needleBits);
      memo[id] = yes ? YES : NO;
      return yes;
    };
  }

  /**
   * Keeps the members of `set` whose name contains every needle. Two ways, the cheaper one
   * by the counts: walk the members, testing each one's name through the memo; or test
   * every distinct name once and intersect `set` with the ranks of the names that pass
   * (built in `temp`, a scratch set of the same size). A broad query with a name search had
   * a million members to walk, while the names are a few hundred thousand at most.
   */
  retainMatching(
    set: RankSet,
    needles: readonly string[],
    needleBits: number,
    temp: RankSet,
    way: 'walk' | 'names' | 'cheaper' = 'cheaper',
  ): void {
    const members = way === 'cheaper' ? set.count() : 0;
    if (way === 'walk' || (way === 'cheaper' && members < this.lowerNames.length)) {
      this.#walk(set, needles, needleBits);
      return;
    }
    const { start, ranks } = this.#ranksByName();
    temp.clear();
    const words = temp.words;
    for (let id = 0; id < this.lowerNames.length; id++) {
      if (!this.#test(id, needles, needleBits)) continue;
      for (let k = start[id]!; k < start[id + 1]!; k++) {
        const r = ranks[k]!;
        words[r >>> 5]! |= 1 << (r & 31);
      }
    }
    set.and(temp);
  }

  /** The ranks of each name, grouped: those of name `id` are `ranks[start[id]..start[id+1])`. */
  #ranksByName(): { start: Uint32Array; ranks: Uint32Array } {
    if (this.#groups !== undefined) return this.#groups;
    const nameOf = this.nameOf;
    const start = new Uint32Array(this.lowerNames.length + 1);
    for (let rank = 0; rank < nameOf.length; rank++) start[nameOf[rank]! + 1]!++;
    for (let id = 0; id < this.lowerNames.length; id++) start[id + 1]! += start[id]!;
    const fill = start.slice(0, -1);
    const ranks = new Uint32Array(nameOf.length);
    for (let rank = 0; rank < nameOf.length; rank++) ranks[fill[nameOf[rank]!]!++] = rank;
    this.#groups = { start, ranks };
    return this.#groups;
  }

  #walk(set: RankSet, needles: readonly string[], needleBits: number): void {
    const memo = this.#memo.fill(UNKNOWN);
    const nameOf = this.nameOf;
    const words = set.words;
    for (let i = 0; i < words.length; i++) {
      let w = words[i]!;
      if (w === 0) continue;
      let kept = w;
      while (w !== 0) {
        const low = w & -w;
        const id = nameOf[(i << 5) | (31 - Math.clz32(low))]!;
        let known = memo[id]!;
        if (known === UNKNOWN) {
          known = this.#test(id, needles, needleBits) ? YES : NO;
          memo[id] = known;
        }
        if (known === NO) kept &= ~low;
        w ^= low;
      }
      words[i] = kept >>> 0;
    }
  }
}
