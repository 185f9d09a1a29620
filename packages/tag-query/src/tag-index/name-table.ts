import { characterBits } from './character-bits.js';
import { type Chosen, type FlatNames, flatNames, NameGrams } from './name-grams.js';
import { inTextOrder } from './name-order.js';
import type { RankTest } from './query-plan.js';
import { RankSet } from './rank-set.js';

/**
 * Broad needles whose ranks are kept: at most 48 sets of size/8 bytes (6 MB at a million
 * backups). Generated names have ~45 broad needles that some but not all names hold
 * (substrings of `autobk_` or of `manualbk_` alone).
 */
const keptBroadNeedles = 48;
/** Kept for a broad needle that every name holds: nothing to remove, nothing to store. */
const everyName = 'every name';
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
  readonly lowerNames: readonly string[];
  readonly #bits: Uint32Array;
  /** Per distinct name, the answer for the current needles: UNKNOWN, YES or NO. */
  #memo: Uint8Array = new Uint8Array(0);
  #groups: { start: Uint32Array; ranks: Uint32Array } | undefined;
  #grams: NameGrams | undefined;
  /** The names' code units, in id order, until the grams take them. */
  #flat: FlatNames | undefined;
  /** The ids `#answerCandidates` found last: a view of `#matchedIds`. */
  #matched: Uint32Array = new Uint32Array(0);
  #matchedIds: Uint32Array = new Uint32Array(0);
  /** The ranks of the broad needles used last (by needles joined), least recent first: bounded. */
  readonly #broad = new Map<string, RankSet | typeof everyName>();
  /** The id of the empty name (also a missing one), -1 when every backup has a name. */
  readonly #emptyId: number;

  constructor(names: readonly (string | null | undefined)[]) {
    this.nameOf = new Uint32Array(names.length);
    const idOf = new Map<string, number>();
    const lowerNames: string[] = [];
    for (let rank = 0; rank < names.length; rank++) {
      const name = names[rank] ?? '';
      let id = idOf.get(name);
      if (id === undefined) {
        id = lowerNames.length;
        idOf.set(name, id);
        lowerNames.push(name.toLowerCase());
      }
      this.nameOf[rank] = id;
    }
    // Ids in the order of the names' text (`inTextOrder`).
    const { names: ordered, flat, idOf: idOfFirst } = inTextOrder(lowerNames);
    [this.lowerNames, this.#flat] = [ordered, flat];
    for (let rank = 0; rank < names.length; rank++) this.nameOf[rank] = idOfFirst[this.nameOf[rank]!]!;
    this.#bits = Uint32Array.from(this.lowerNames, characterBits);
    const empty = idOf.get('');
    this.#emptyId = empty === undefined ? -1 : idOfFirst[empty]!;
    this.#memo = new Uint8Array(this.lowerNames.length);
    this.#matchedIds = new Uint32Array(this.lowerNames.length);
  }

  /** The grams, over the code units the constructor left (then let go). */
  #gramsOf(): NameGrams {
    const grams = new NameGrams(this.#flat ?? flatNames(this.lowerNames));
    this.#flat = undefined;
    return grams;
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
    const test = this.idMatcher(needles, needleBits);
    const nameOf = this.nameOf;
    return (rank) => test(nameOf[rank]!);
  }

  /** `matcher` by name id rather than by rank; valid as long. */
  idMatcher(needles: readonly string[], needleBits: number): (id: number) => boolean {
    const memo = this.#memo.fill(UNKNOWN);
    return (id) => {
      const known = memo[id]!;
      if (known !== UNKNOWN) return known === YES;
      const yes = this.#test(id, needles, needleBits);
      memo[id] = yes ? YES : NO;
      return yes;
    };
  }

  /** How many names `matchingNames` reads for these needles (those of the rarest gram). */
  candidateCount(needles: readonly string[]): number {
    this.#grams ??= this.#gramsOf();
    return this.#grams.choose(needles)?.count ?? this.lowerNames.length;
  }

  /**
   * Keeps the members of `set` whose name contains every needle, the cheapest of three
   * ways by the counts: walk the members, testing each one's name once through the memo
   * (few members); or answer every candidate name of the needles' rarest gram
   * (`NameGrams`; without a gram, every name), then walk the members reading the answers,
   * or intersect `set` with the ranks of the names that pass (built in `temp`, a scratch
   * set of the same size) when those are fewer than the members.
   */
  retainMatching(
    set: RankSet,
    needles: readonly string[],
    needleBits: number,
    temp: RankSet,
    way: 'walk' | 'names' | 'cheaper' = 'cheaper',
  ): void {
    this.#grams ??= this.#gramsOf();
    const key = needles.join('\u0000');
    const kept = way === 'cheaper' ? this.#broad.get(key) : undefined;
    if (kept !== undefined) {
      // Used again: to the back of the line.
      this.#broad.delete(key);
      this.#broad.set(key, kept);
      if (kept !== everyName) set.and(kept);
      return;
    }
    const chosen = this.#grams.choose(needles);
    if (way === 'cheaper' && (chosen?.count ?? this.lowerNames.length) >= this.lowerNames.length / 4) {
      // A broad needle ("auto", "bk_"): a quarter of the names or more to test. Its ranks
      // become a set of their own, kept for the next query with it (one AND then).
      const matched = this.#answerCandidates(chosen, needles, needleBits);
      let ranks: RankSet | typeof everyName = everyName;
      if (matched.length < this.lowerNames.length) {
        ranks = new RankSet(set.size);
        this.#ranksOfMatched(ranks);
        set.and(ranks);
      }
      this.#broad.set(key, ranks);
      if (this.#broad.size > keptBroadNeedles) this.#broad.delete(this.#broad.keys().next().value!);
      return;
    }
    const members = way === 'cheaper' ? set.count() : 0;
    if (way === 'walk' || (way === 'cheaper' && members < (chosen?.count ?? this.lowerNames.length))) {
      this.#memo.fill(UNKNOWN);
      this.#walk(set, needles, needleBits);
      return;
    }
    const matched = this.#answerCandidates(chosen, needles, needleBits);
    if (matched.length === this.lowerNames.length) return;
    if (matched.length === 0) {
      set.clear();
      return;
    }
    const { start } = this.ranksByName();
    let matchedRanks = 0;
    for (let k = 0; k < matched.length; k++) matchedRanks += start[matched[k]! + 1]! - start[matched[k]!]!;
    if (way === 'cheaper' && members < matchedRanks) {
      this.#walk(set, needles, needleBits);
      return;
    }
    this.#ranksOfMatched(temp.clear());
    set.and(temp);
  }

  /**
   * The ids of the distinct names that contain every needle (lower-cased), or, for
   * 'empty', that are empty: only the candidates of the needles' rarest gram are tested. A
   * scratch list, valid until the next call on this table.
   */
  matchingNames(condition: { needles: readonly string[]; bits: number } | 'empty'): Uint32Array {
    if (condition === 'empty') {
      this.#matchedIds[0] = this.#emptyId;
      this.#matched = this.#matchedIds.subarray(0, this.#emptyId >= 0 ? 1 : 0);
      return this.#matched;
    }
    this.#grams ??= this.#gramsOf();
    const chosen = this.#grams.choose(condition.needles);
    // A needle of 2 or 3 characters is in exactly the names of its grams: nothing to test.
    const length = condition.needles.length === 1 ? condition.needles[0]!.length : 0;
    const exact = chosen !== null && (length === 2 || length === 3);
    return this.#answerCandidates(chosen, condition.needles, condition.bits, exact);
  }

  /** Adds to `target` the ranks of the names `#answerCandidates` found last. */
  #ranksOfMatched(target: RankSet): void {
    const matched = this.#matched;
    const { start, ranks } = this.ranksByName();
    const words = target.words;
    for (let k = 0; k < matched.length; k++) {
      const id = matched[k]!;
      for (let j = start[id]!; j < start[id + 1]!; j++) {
        const r = ranks[j]!;
        words[r >>> 5]! |= 1 << (r & 31);
      }
    }
  }

  /**
   * Answers every distinct name in the memo, YES or NO: the names of `grams` (every name
   * when null) are tested (`exact`: they pass untested), the others are a NO. Returns the ids of the names that pass (a
   * scratch list, valid until the next call).
   */
  #answerCandidates(
    chosen: Chosen | null,
    needles: readonly string[],
    needleBits: number,
    exact = false,
  ): Uint32Array {
    const memo = this.#memo.fill(NO);
    const out = this.#matchedIds;
    let found = 0;
    const grams = chosen?.grams ?? null;
    if (chosen?.at !== undefined && !exact) {
      // A needle of 3+ characters, checked where its gram stands; other needles tested after.
      const placed = this.#grams!.holding(chosen as Chosen & { at: number }, needles[chosen.needle!]!, out);
      for (let k = 0; k < placed; k++) {
        const id = out[k]!;
        if (needles.length > 1 && !this.#test(id, needles, needleBits)) continue;
        memo[id] = YES;
        out[found++] = id;
      }
    } else if (grams === null) {
      for (let id = 0; id < this.lowerNames.length; id++) {
        if (!this.#test(id, needles, needleBits)) continue;
        memo[id] = YES;
        out[found++] = id;
      }
    } else {
      // Plain loops over the gram lists: a callback per name cost as much as the tests.
      const { start, ids } = this.#grams!.lists;
      for (let g = 0; g < grams.length; g++) {
        for (let k = start[grams[g]!]!; k < start[grams[g]! + 1]!; k++) {
          const id = ids[k]!;
          if (memo[id] === YES || (!exact && !this.#test(id, needles, needleBits))) continue;
          memo[id] = YES;
          out[found++] = id;
        }
      }
    }
    this.#matched = out.subarray(0, found);
    return this.#matched;
  }

  /** The ranks of each name, grouped: those of name `id` are `ranks[start[id]..start[id+1])`, ascending. */
  ranksByName(): { start: Uint32Array; ranks: Uint32Array } {
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

  /** Keeps the members of `set` whose name passes, through the memo (UNKNOWN: tested now). */
  #walk(set: RankSet, needles: readonly string[], needleBits: number): void {
    const memo = this.#memo;
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
