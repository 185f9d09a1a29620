import type { TagQuery } from '@csbs-kit/models';
import type { ResourceTagLike } from '../evaluate.js';
import { gatherCap, ListNames, type NamePass } from './list-names.js';
import { ListPages } from './list-pages.js';
import type { NameTable } from './name-table.js';
import { sortRanks } from './rank-sort.js';
import { IndexSegment, nameCondition } from './segment.js';

/** One distinct tags list, as the inner segment indexes it. */
interface ListEntry {
  readonly id: string;
  readonly tags: readonly ResourceTagLike[];
}

const NO_TAGS: readonly ResourceTagLike[] = [];
const NOTHING = { total: 0, ranks: [] as number[] };

/**
 * Answers tag queries by the distinct tags lists rather than by the backups. Backups share
 * tags lists (every backup of a server carries the server's tags: 5000 lists for a million
 * backups in the emulator's generated data), so the tag conditions are evaluated once per
 * list, over a small index whose bitsets are a few hundred words, and a backup matches
 * when its list does. The total is the sum of the matching lists' sizes, and a page is the
 * first matches in the answer order: a walk of the ranks from the start testing each one's
 * list, or a merge of the matching lists' rank arrays (a heap), whichever the counts say
 * costs less. Name searches (`matches`) are answered by `ListNames`.
 *
 * Immutable: built over a segment's ranks; tombstones and added backups are not its
 * business (the index answers those queries the other way).
 */
export class TagLists {
  readonly size: number;
  /** Rank → its list; the last list holds the backups without tags. */
  readonly listOf: Uint16Array | Uint32Array;
  /** The ranks of list `l` are `ranks[start[l]..start[l+1])`, ascending. */
  readonly start: Uint32Array;
  readonly ranks: Uint32Array;
  readonly #lists: IndexSegment<ListEntry>;
  readonly #names: () => NameTable;
  #listNames: ListNames | undefined;
  /** Scratch: the matching lists, ascending. */
  readonly #matched: Uint32Array;
  readonly #pages: ListPages;
  readonly #sortScratch = new Uint32Array(gatherCap);

  /**
   * `listOfRank` and `lists` as `buildKeyPostings` gives them; `names` gives the segment's
   * name table (built on the first name search).
   */
  constructor(
    listOfRank: Int32Array,
    lists: readonly (readonly ResourceTagLike[])[],
    names: () => NameTable,
  ) {
    const n = listOfRank.length;
    const count = lists.length + 1;
    this.size = n;
    this.#names = names;
    this.listOf = count <= 0x10000 ? new Uint16Array(n) : new Uint32Array(n);
    this.start = new Uint32Array(count + 1);
    const untagged = count - 1;
    for (let rank = 0; rank < n; rank++) {
      const list = listOfRank[rank]! < 0 ? untagged : listOfRank[rank]!;
      this.listOf[rank] = list;
      this.start[list + 1]!++;
    }
    for (let l = 0; l < count; l++) this.start[l + 1]! += this.start[l]!;
    const fill = this.start.slice(0, count);
    this.ranks = new Uint32Array(n);
    for (let rank = 0; rank < n; rank++) this.ranks[fill[this.listOf[rank]!]!++] = rank;
    const entries: ListEntry[] = lists.map((tags, l) => ({ id: String(l), tags }));
    entries.push({ id: String(untagged), tags: NO_TAGS });
    this.#lists = new IndexSegment(entries);
    this.#matched = new Uint32Array(count);
    this.#pages = new ListPages(this.listOf, this.start, this.ranks);
  }

  /** Name conditions whose per-list counts are kept (bounded). */
  get keptNameConditions(): number {
    return this.#listNames?.keptCount ?? 0;
  }

  get listCount(): number {
    return this.start.length - 1;
  }

  /**
   * The total of `query` and its matches at positions `offset..end` in the answer order,
   * as ranks (`end` 0: the total alone). The query must have passed `validateTagQuery`.
   */
  answer(
    query: TagQuery,
    offset: number,
    end: number,
    ways: AnswerWays = {},
  ): { total: number; ranks: number[] } {
    const condition = nameCondition(query.matches ?? []);
    if (condition === 'never') return NOTHING;
    const listSet = this.#lists.evaluate(query.matches ? { ...query, matches: undefined } : query, null);
    const words = listSet.words;
    const matched = this.#matched;
    const start = this.start;
    let m = 0;
    let inLists = 0;
    for (let i = 0; i < words.length; i++) {
      let w = words[i]!;
      while (w !== 0) {
        const low = w & -w;
        const list = (i << 5) | (31 - Math.clz32(low));
        matched[m++] = list;
        inLists += start[list + 1]! - start[list]!;
        w ^= low;
      }
    }
    if (inLists === 0) return NOTHING;
    const lists = { words, matched: matched.subarray(0, m), inLists };
    if (condition === null)
      return { total: inLists, ranks: this.page(lists, inLists, offset, end, null, ways.page) };
    this.#listNames ??= new ListNames(this, this.#names());
    const names = this.#listNames.pass(condition, lists, ways.names);
    const total = names.total;
    if (total === 0) return NOTHING;
    const wanted = Math.min(end, total);
    if (offset >= wanted) return { total, ranks: [] };
    // Gathering every match and sorting beats reading the page off the lists when the
    // matches are few and either side is short (a rare needle, or few matching backups).
    // The radix sort: three passes of two steps an element, each about a walk's step.
    const sortCost = total * 6;
    const gatherCost =
      names.gathered !== undefined
        ? sortCost
        : total <= gatherCap
          ? Math.min(names.inNames, lists.inLists) + sortCost
          : Infinity;
    const gather =
      ways.page === undefined
        ? gatherCost <= this.#pageCost(lists, total, wanted, names.pass)
        : ways.page === 'gather';
    if (gather && gatherCost < Infinity) {
      const gathered = names.gathered ?? this.#listNames.gather(names.pass, names.inNames, lists).gathered!;
      sortRanks(gathered, this.#sortScratch, this.size);
      return { total, ranks: Array.from(gathered.subarray(offset, wanted)) };
    }
    return { total, ranks: this.page(lists, total, offset, end, names.pass, ways.page) };
  }

  /** The cheapest of the `ListPages` ways (walk, walk of the passing ranks, merge), in steps, for the first `end` of `total` matches. */
  #pageCost(lists: MatchedLists, total: number, wanted: number, pass: NamePass | null): number {
    return Math.min(
      (wanted * this.size) / total,
      this.#ranksCost(total, wanted, pass),
      this.#mergeCost(lists, total, wanted),
    );
  }

  /** `ListPages.walkRanks`: a word of the passing ranks read a step, a passing rank tested a step. */
  #ranksCost(total: number, wanted: number, pass: NamePass | null): number {
    const ranks = pass?.ranks;
    if (ranks === undefined) return Number.POSITIVE_INFINITY;
    // Building the bits reads every passing rank once; the condition is kept to be reused,
    // so a part of that is charged to this page.
    return (wanted / total) * (this.size / 32 + ranks.count) + (ranks.built ? 0 : ranks.count / 4);
  }

  #mergeCost(lists: MatchedLists, total: number, wanted: number): number {
    return (
      lists.matched.length + ((wanted * lists.inLists) / total) * 2 * Math.log2(lists.matched.length + 1)
    );
  }

  /**
   * The matches at positions `offset..end` of the ranks in `lists` whose name passes `pass`
   * (null: every name), `total` of them in all.
   */
  page(
    lists: MatchedLists,
    total: number,
    offset: number,
    end: number,
    pass: NamePass | null,
    way?: AnswerWays['page'],
  ): number[] {
    const wanted = Math.min(end, total);
    if (offset >= wanted) return [];
    if (way === 'ranks' || way === undefined || way === 'gather') {
      const ranksCost = this.#ranksCost(total, wanted, pass);
      if (
        ranksCost < Number.POSITIVE_INFINITY &&
        (way === 'ranks' || ranksCost <= this.#pageCost(lists, total, wanted, null))
      )
        return this.#pages.walkRanks(lists.words, pass!.ranks!.bits(), offset, wanted);
    }
    const walk =
      way === undefined || way === 'gather' || way === 'ranks'
        ? (wanted * this.size) / total <= this.#mergeCost(lists, total, wanted)
        : way === 'walk';
    if (walk) return this.#pages.walk(lists.words, offset, wanted, pass);
    return this.#pages.merge(lists.matched, offset, wanted, pass);
  }
}

/**
 * Forces one way of answering, for tests (each way must give the same answer); unset: the
 * cheapest by the counts. `gather` applies when the matches are few enough to gather, `ranks`
 * to a kept name condition (else a walk or merge, as the counts say).
 */
export interface AnswerWays {
  page?: 'walk' | 'merge' | 'gather' | 'ranks';
  names?: 'keep' | 'direct' | 'test';
}

/** The lists matching a query's tag conditions: as bits over the lists, and listed. */
export interface MatchedLists {
  readonly words: Uint32Array;
  readonly matched: Uint32Array;
  /** The backups in those lists. */
  readonly inLists: number;
}
