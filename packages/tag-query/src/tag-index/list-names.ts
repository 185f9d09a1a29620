import type { NameTable } from './name-table.js';
import { PassingRanks, rankBitsOf } from './passing-ranks.js';
import { RunCounts } from './run-counts.js';
import type { MatchedLists, TagLists } from './tag-lists.js';

/** Which distinct names pass a name condition, as bits by name id, with the ways to read a rank's name. */
export interface NamePass {
  readonly words: Uint32Array;
  /** Rank → name id. */
  readonly nameOf: Uint32Array;
  /** Position in `TagLists.ranks` → name id (read in list order without a jump per rank). */
  readonly nameOfListRank: Uint32Array;
  /** For a kept condition: the passing backups as bits by rank, built on demand. */
  readonly ranks?: PassingRanks;
}

/** A broad condition's passing names and, per tags list, how many of its backups pass. */
interface Kept {
  readonly words: Uint32Array;
  readonly perList: Uint32Array;
  /** The backups holding a passing name. */
  readonly inNames: number;
  readonly ranks: PassingRanks;
}

/** How many set bits `bits` starts with (its bit 0 set), `at` bits below it removed. */
function runLength(bits: number, at: number): number {
  const clear = ~bits & (0xffffffff >>> at);
  return clear === 0 ? 32 - at : 31 - Math.clz32(clear & -clear);
}

/** At most this many matches are gathered one by one to be sorted for a page. */
export const gatherCap = 4096;

/**
 * Conditions with many passing names or backups whose counts per list are kept: each costs
 * 4 × lists + names/8 bytes (~36 KB at a million generated backups), 4.6 MB in all.
 * Generated names have ~45 broad needles (substrings of `autobk_` or `manualbk_`) and
 * ~110 that add one hex digit (`k_0`: a sixteenth of the names, 0.5 ms to test them).
 */
export const keptConditions = 128;

/**
 * The name search (`matches`) for `TagLists`: a backup matches when its list matches the
 * tag conditions and its name contains every needle. The distinct names that pass come
 * from `NameTable.matchingNames` (the candidates of the needles' rarest gram), then:
 * - few backups on either side (the passing names' or the matching lists'): walk the
 *   smaller side, testing the other, and gather the matches to sort for the page;
 * - many on both (a broad needle such as `auto`): count the passing backups of every list
 *   once, keep the counts for the condition (bounded, least recently used out), and the
 *   total of any later query with it is a sum over its matching lists.
 */
export class ListNames {
  readonly #lists: TagLists;
  readonly #table: NameTable;
  readonly #nameOfListRank: Uint32Array;
  /** Position in the table's `ranksByName().ranks` → that rank's list. */
  readonly #listOfNameRank: Uint16Array | Uint32Array;
  readonly #scratchWords: Uint32Array;
  /** The lists of runs of names' ranks, counted by checkpoints: built on the first kept condition. */
  #runCounts: RunCounts | undefined;
  readonly #gathered = new Uint32Array(gatherCap);
  readonly #kept = new Map<string, Kept>();

  /** How many conditions are kept (bounded by `keptConditions`). */
  get keptCount(): number {
    return this.#kept.size;
  }

  constructor(lists: TagLists, table: NameTable) {
    this.#lists = lists;
    this.#table = table;
    const n = lists.size;
    this.#nameOfListRank = new Uint32Array(n);
    for (let j = 0; j < n; j++) this.#nameOfListRank[j] = table.nameOf[lists.ranks[j]!]!;
    const { ranks } = table.ranksByName();
    this.#listOfNameRank = lists.listOf instanceof Uint16Array ? new Uint16Array(n) : new Uint32Array(n);
    for (let j = 0; j < n; j++) this.#listOfNameRank[j] = lists.listOf[ranks[j]!]!;
    this.#scratchWords = new Uint32Array((table.lowerNames.length + 31) >>> 5);
  }

  #passOf(words: Uint32Array, ranks?: PassingRanks): NamePass {
    const pass = { words, nameOf: this.#table.nameOf, nameOfListRank: this.#nameOfListRank };
    return ranks === undefined ? pass : { ...pass, ranks };
  }

  /**
   * The backups of `lists` whose name passes `condition`: their number, the passing names
   * (`inNames`: the backups holding one), and, when they were found one by one and were
   * few, the matching ranks (unsorted, scratch).
   */
  pass(
    condition: { needles: readonly string[]; bits: number } | 'empty',
    lists: MatchedLists,
    way?: 'keep' | 'direct' | 'test',
  ): { total: number; pass: NamePass; inNames: number; gathered?: Uint32Array } {
    const key = condition === 'empty' ? '' : condition.needles.join('\u0000');
    let kept = way === 'direct' || way === 'test' ? undefined : this.#kept.get(key);
    if (kept !== undefined) {
      // Used again: to the back of the line.
      this.#kept.delete(key);
      this.#kept.set(key, kept);
    } else if (
      condition !== 'empty' &&
      (way === undefined ? this.#testsInLists(condition.needles, lists) : way === 'test')
    ) {
      return this.#testInLists(condition, lists);
    } else {
      const ids = this.#table.matchingNames(condition);
      const { start } = this.#table.ranksByName();
      // Name ids follow the names' text, so the passing ones come in runs of consecutive
      // ids whose ranks are one range: a read per run, not per name.
      let inNames = 0;
      for (let k = 0; k < ids.length; ) {
        const first = ids[k]!;
        const next = runEnd(ids, k);
        inNames += start[first + next - k]! - start[first]!;
        k = next;
      }
      // Many passing names (a broad needle: testing them was the cost) or many backups on
      // both sides: keep the counts for the next query with this condition.
      const many = ids.length * 16 > this.#table.lowerNames.length;
      const keep =
        way === undefined ? many || Math.min(inNames, lists.inLists) > this.#lists.size / 32 : way === 'keep';
      if (keep) kept = this.#keep(key, ids, inNames);
      else {
        const words = setBits(this.#scratchWords.fill(0), ids);
        const pass = this.#passOf(words);
        const { found, gathered } = this.gather(pass, inNames, lists);
        return { total: found, pass, inNames, ...(gathered && { gathered }) };
      }
    }
    return {
      total: this.#sum(kept.perList, lists.matched),
      pass: this.#passOf(kept.words, kept.ranks),
      inNames: kept.inNames,
    };
  }

  /**
   * Counts the backups of `lists` whose name passes, walking the smaller side (the ranks of
   * the passing names, `inNames` of them, or those of the lists) and testing the other;
   * the ranks found are gathered (unsorted, scratch) when they fit.
   */
  gather(pass: NamePass, inNames: number, lists: MatchedLists): { found: number; gathered?: Uint32Array } {
    const words = pass.words;
    const gathered = this.#gathered;
    const cap = gathered.length;
    let found = 0;
    if (inNames <= lists.inLists) {
      const { start, ranks } = this.#table.ranksByName();
      const listWords = lists.words;
      const listOfNameRank = this.#listOfNameRank;
      // The passing names' ranks by runs of set bits: a run of ids is one range of ranks.
      for (let i = 0; i < words.length; i++) {
        let w = words[i]!;
        while (w !== 0) {
          const at = 31 - Math.clz32(w & -w);
          const length = runLength(w >>> at, at);
          w = length + at === 32 ? 0 : w & ~(((1 << length) - 1) << at);
          const first = (i << 5) | at;
          for (let j = start[first]!, stop = start[first + length]!; j < stop; j++) {
            const list = listOfNameRank[j]!;
            if (((listWords[list >>> 5]! >>> (list & 31)) & 1) === 0) continue;
            if (found < cap) gathered[found] = ranks[j]!;
            found++;
          }
        }
      }
    } else {
      const { start: listStart, ranks: listRanks } = this.#lists;
      const nameOfListRank = this.#nameOfListRank;
      const matched = lists.matched;
      for (let i = 0; i < matched.length; i++) {
        for (let j = listStart[matched[i]!]!; j < listStart[matched[i]! + 1]!; j++) {
          const name = nameOfListRank[j]!;
          if (((words[name >>> 5]! >>> (name & 31)) & 1) === 0) continue;
          if (found < cap) gathered[found] = listRanks[j]!;
          found++;
        }
      }
    }
    return found <= cap ? { found, gathered: gathered.subarray(0, found) } : { found };
  }

  /**
   * Whether to test the names met in the matching lists (each distinct one once, through
   * the table's memo) rather than list every passing name: when the lists hold fewer
   * backups than there are candidate names, unless the needles are broad (a sixteenth of
   * the names or more), whose counts are worth keeping for the next query.
   */
  #testsInLists(needles: readonly string[], lists: MatchedLists): boolean {
    const candidates = this.#table.candidateCount(needles);
    return candidates * 16 <= this.#table.lowerNames.length && lists.inLists < candidates;
  }

  /**
   * Walks the ranks of the matching lists, testing their names; the passing names' bits are
   * set for those names only, which are all a page over these lists reads.
   */
  #testInLists(
    condition: { needles: readonly string[]; bits: number },
    lists: MatchedLists,
  ): { total: number; pass: NamePass; inNames: number; gathered?: Uint32Array } {
    const test = this.#table.idMatcher(condition.needles, condition.bits);
    const words = this.#scratchWords.fill(0);
    const { start, ranks } = this.#lists;
    const nameOfListRank = this.#nameOfListRank;
    const matched = lists.matched;
    const gathered = this.#gathered;
    let found = 0;
    for (let i = 0; i < matched.length; i++) {
      for (let j = start[matched[i]!]!; j < start[matched[i]! + 1]!; j++) {
        const id = nameOfListRank[j]!;
        if (!test(id)) continue;
        words[id >>> 5]! |= 1 << (id & 31);
        if (found < gathered.length) gathered[found] = ranks[j]!;
        found++;
      }
    }
    const pass = this.#passOf(words);
    // The passing names' own backups are not known: only the lists' side can be walked.
    const inNames = Number.POSITIVE_INFINITY;
    return found <= gathered.length
      ? { total: found, pass, inNames, gathered: gathered.subarray(0, found) }
      : { total: found, pass, inNames };
  }

  #sum(perList: Uint32Array, matched: Uint32Array): number {
    let total = 0;
    for (let i = 0; i < matched.length; i++) total += perList[matched[i]!]!;
    return total;
  }

  /** Counts the passing backups of every list for `ids`, and keeps the counts under `key`. */
  #keep(key: string, ids: Uint32Array, inNames: number): Kept {
    const words = setBits(new Uint32Array(this.#scratchWords.length), ids);
    const perList = new Uint32Array(this.#lists.listCount);
    const { start } = this.#table.ranksByName();
    this.#runCounts ??= new RunCounts(this.#listOfNameRank, perList.length);
    const counts = this.#runCounts;
    if (inNames * 2 <= this.#lists.size) {
      // By runs of consecutive ids (see `pass`): one flat range of ranks each.
      for (let k = 0; k < ids.length; ) {
        const first = ids[k]!;
        const next = runEnd(ids, k);
        counts.count(perList, start[first]!, start[first + next - k]!, 1);
        k = next;
      }
    } else {
      // Most backups pass (`bk_` passes every name): each list's size less the backups of
      // the names that fail (runs of clear bits), fewer ranks to read.
      const listStart = this.#lists.start;
      for (let l = 0; l < perList.length; l++) perList[l] = listStart[l + 1]! - listStart[l]!;
      const names = this.#table.lowerNames.length;
      for (let i = 0; i < words.length; i++) {
        // The bits past the last name are set here too: not names, no ranks to read.
        let w = ~words[i]! >>> 0;
        while (w !== 0) {
          const at = 31 - Math.clz32(w & -w);
          const length = runLength(w >>> at, at);
          w = length + at === 32 ? 0 : w & ~(((1 << length) - 1) << at);
          const first = (i << 5) | at;
          if (first >= names) break;
          counts.count(perList, start[first]!, start[Math.min(first + length, names)]!, -1);
        }
      }
    }
    const ranks = new PassingRanks(inNames, () => {
      const { start: nameStart, ranks: nameRanks } = this.#table.ranksByName();
      return rankBitsOf(words, nameStart, nameRanks, this.#lists.size);
    });
    const kept = { words, perList, inNames, ranks };
    this.#kept.set(key, kept);
    if (this.#kept.size > keptConditions) this.#kept.delete(this.#kept.keys().next().value!);
    return kept;
  }
}

/** The index past the run of consecutive name ids (`ids[k]`, `ids[k] + 1`, …) that starts at `k`. */
function runEnd(ids: Uint32Array, k: number): number {
  const first = ids[k]!;
  let next = k + 1;
  while (next < ids.length && ids[next] === first + (next - k)) next++;
  return next;
}

/** `words` with the bit of each of `ids` set. */
function setBits(words: Uint32Array, ids: Uint32Array): Uint32Array {
  for (let k = 0; k < ids.length; k++) words[ids[k]! >>> 5]! |= 1 << (ids[k]! & 31);
  return words;
}
