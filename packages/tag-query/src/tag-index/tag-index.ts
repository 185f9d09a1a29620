import type { TagQuery } from '@csbs-kit/models';
import { matchesTagQuery, type TaggedResource } from '../evaluate.js';
import { compareBackupOrder } from './backup-order.js';
import { buildOrder, type TagIndexOptions } from './index-build.js';
import { mergePage } from './merge-page.js';
import { checkPageNumber, type TagIndexPage } from './page-options.js';
import { postingLength } from './posting.js';
import { tagListsPay } from './posting-builder.js';
import { readPosting } from './posting-page.js';
import type { QueryPlan } from './query-plan.js';
import { RankSet } from './rank-set.js';
import { IndexSegment } from './segment.js';
import { TagLists } from './tag-lists.js';

/** A backup as the index holds it: an id, the order field, and what a query looks at. */
export interface IndexedBackup extends TaggedResource {
  id: string;
  created_at?: string | null;
}

const SCRATCH_PLAN: QueryPlan = { kind: 'scratch' };

/**
 * Answers tag queries over many backups without testing each one: the backups sit in one
 * global answer order (`created_at` desc, then `id` desc) and every key and key/value pair
 * has a posting list of ranks in that order, so a query is a few unions, intersections and
 * differences of posting lists, `count` is a popcount, and a page is read off the result in
 * order. `matches` (a name search) falls back to testing the names of the candidates.
 *
 * With a million backups in the heap, a full-size bitset per call (125 KB) is paid for in
 * full garbage collections, so queries avoid them (`IndexSegment.plan`): a single posting
 * list is counted and paged directly, a rare list drives membership tests of the others,
 * and only the remaining queries use bitset operations, in scratch sets the segment reuses.
 *
 * The constructor builds the index in one pass (the fast path). `add` and `remove` are
 * cheap: they record changes in a small side list and tombstones, which queries merge in;
 * once the side list outgrows a fraction of the index, the next query rebuilds it.
 *
 * Queries must have passed `validateTagQuery`. Backups are read when they are added: to
 * change a backup's tags, name or `created_at`, `add` the new version (same id).
 */
export class TagIndex<T extends IndexedBackup = IndexedBackup> {
  #segment!: IndexSegment<T>;
  /** Answers by distinct tags lists, when backups share few of them (see `TagLists`). */
  #lists: TagLists | undefined;
  /**
   * id → slot; a slot is the rank itself, or an index into `#rankOfSlot`. Built on first
   * use when the build did not need one (a list known to be in order, or a compaction).
   */
  #slotById: Map<string, number> | undefined;
  #rankOfSlot: Uint32Array | undefined;
  #removed!: RankSet;
  #removedCount = 0;
  /** Backups added since the last build, by id. */
  readonly #delta = new Map<string, T>();
  /** `#delta` in answer order; undefined after a change until a query needs it. */
  #deltaSorted: T[] | undefined = [];

  /** Builds the index over `backups`; see `TagIndexOptions` for a list already in order. */
  constructor(backups: Iterable<T> = [], options: TagIndexOptions = {}) {
    const { sorted, slotById, rankOfSlot } = buildOrder(backups, options);
    this.#install(sorted, slotById, rankOfSlot);
  }

  #install(sorted: T[], slotById?: Map<string, number>, rankOfSlot?: Uint32Array): void {
    this.#segment = new IndexSegment(sorted);
    const built = this.#segment.takeTagLists();
    const segment = this.#segment;
    this.#lists =
      built !== undefined && tagListsPay(sorted.length, built.lists.length)
        ? new TagLists(built.listOfRank, built.lists, () => segment.nameTable())
        : undefined;
    this.#slotById = slotById;
    this.#rankOfSlot = rankOfSlot;
    this.#removed = new RankSet(sorted.length);
    this.#removedCount = 0;
    this.#delta.clear();
    this.#deltaSorted = [];
  }

  #rankOf(id: string): number | undefined {
    if (this.#slotById === undefined) {
      const sorted = this.#segment.backups;
      this.#slotById = new Map();
      for (let rank = 0; rank < sorted.length; rank++) this.#slotById.set(sorted[rank]!.id, rank);
    }
    const slot = this.#slotById.get(id);
    if (slot === undefined || this.#rankOfSlot === undefined) return slot;
    return this.#rankOfSlot[slot];
  }

  /** Adds a backup, replacing the one with the same id. */
  add(backup: T): void {
    this.remove(backup.id);
    this.#delta.set(backup.id, backup);
    this.#deltaSorted = undefined;
  }

  /** Removes the backup with this id; false when there was none. */
  remove(id: string): boolean {
    if (this.#delta.delete(id)) {
      // An id in the side list was already tombstoned in the segment when it was added.
      this.#deltaSorted = undefined;
      return true;
    }
    const rank = this.#rankOf(id);
    if (rank === undefined || this.#removed.has(rank)) return false;
    this.#removed.add(rank);
    this.#removedCount++;
    return true;
  }

  get(id: string): T | undefined {
    const added = this.#delta.get(id);
    if (added !== undefined) return added;
    const rank = this.#rankOf(id);
    if (rank === undefined || this.#removed.has(rank)) return undefined;
    return this.#segment.backups[rank];
  }

  get size(): number {
    return this.#segment.size - this.#removedCount + this.#delta.size;
  }

  /** How many backups match; reads no backup unless the query has `matches`. */
  count(query: TagQuery): number {
    this.#compactIfLarge();
    let deltaCount = 0;
    for (const backup of this.#delta.values()) if (matchesTagQuery(query, backup)) deltaCount++;
    return this.#segmentCount(query) + deltaCount;
  }

  #segmentCount(query: TagQuery): number {
    if (this.#lists !== undefined && this.#removedCount === 0) return this.#lists.answer(query, 0, 0).total;
    const removed = this.#removedCount > 0 ? this.#removed : null;
    const plan = this.#segment.plan(query, removed);
    switch (plan.kind) {
      case 'none':
        return 0;
      case 'all':
        return this.#segment.size - this.#removedCount;
      case 'posting':
        return postingLength(plan.posting);
      case 'drive': {
        let n = 0;
        for (let i = 0; i < plan.ranks.length; i++) if (plan.test(plan.ranks[i]!)) n++;
        return n;
      }
      case 'scratch':
        return this.#segment.evaluate(query, removed).count();
    }
  }

  /** The matches in answer order, from `offset` on, at most `limit` of them. */
  select(query: TagQuery, page: TagIndexPage = {}): T[] {
    const offset = checkPageNumber('offset', page.offset, 0);
    const limit = checkPageNumber('limit', page.limit, Number.POSITIVE_INFINITY);
    if (limit === 0) return [];
    this.#compactIfLarge();
    const added = this.#sortedDelta().filter((backup) => matchesTagQuery(query, backup));
    const lists = this.#listsFor(added);
    if (lists !== undefined) return this.#backupsOf(lists.answer(query, offset, offset + limit).ranks);
    const removed = this.#removedCount > 0 ? this.#removed : null;
    // Merging in the side list needs counts of matches between ranks, which a bitset gives
    // cheaply; the side list is small and short-lived, so only then is the scratch path forced.
    const plan = added.length === 0 ? this.#segment.plan(query, removed) : SCRATCH_PLAN;
    const out: T[] = [];
    const backups = this.#segment.backups;
    const end = offset + limit;
    switch (plan.kind) {
      case 'none':
        return out;
      case 'all':
        return backups.slice(offset, end);
      case 'posting':
        return readPosting(plan.posting, backups, offset, limit);
      case 'drive': {
        // Stops as soon as the page is full: a first page reads only a prefix of the driver.
        let seen = 0;
        for (let i = 0; i < plan.ranks.length && seen < end; i++) {
          const rank = plan.ranks[i]!;
          if (plan.test(rank) && seen++ >= offset) out.push(backups[rank]!);
        }
        return out;
      }
      case 'scratch':
        return mergePage(backups, this.#segment.evaluate(query, removed), added, offset, limit);
    }
  }

  /**
   * `count(query)` and `select(query, page)` at once, the query evaluated once: a page with
   * its total (as a tag-query action answers) would otherwise walk the driver or fill the
   * bitsets twice.
   */
  selectCounted(query: TagQuery, page: TagIndexPage = {}): { total: number; backups: T[] } {
    const offset = checkPageNumber('offset', page.offset, 0);
    const limit = checkPageNumber('limit', page.limit, Number.POSITIVE_INFINITY);
    if (limit === 0) return { total: this.count(query), backups: [] };
    this.#compactIfLarge();
    const added = this.#sortedDelta().filter((backup) => matchesTagQuery(query, backup));
    const lists = this.#listsFor(added);
    if (lists !== undefined) {
      const { total, ranks } = lists.answer(query, offset, offset + limit);
      return { total, backups: this.#backupsOf(ranks) };
    }
    const removed = this.#removedCount > 0 ? this.#removed : null;
    const plan = added.length === 0 ? this.#segment.plan(query, removed) : SCRATCH_PLAN;
    const backups = this.#segment.backups;
    const end = offset + limit;
    switch (plan.kind) {
      case 'none':
        return { total: 0, backups: [] };
      case 'all':
        return { total: this.#segment.size - this.#removedCount, backups: backups.slice(offset, end) };
      case 'posting':
        return {
          total: postingLength(plan.posting),
          backups: readPosting(plan.posting, backups, offset, limit),
        };
      case 'drive': {
        const out: T[] = [];
        let seen = 0;
        for (let i = 0; i < plan.ranks.length; i++) {
          const rank = plan.ranks[i]!;
          if (plan.test(rank)) {
            if (seen >= offset && seen < end) out.push(backups[rank]!);
            seen++;
          }
        }
        return { total: seen, backups: out };
      }
      case 'scratch': {
        const set = this.#segment.evaluate(query, removed);
        const total = set.count() + added.length;
        return { total, backups: mergePage(backups, set, added, offset, limit) };
      }
    }
  }

  /** The list answers, when they apply: nothing tombstoned, no added backup matching. */
  #listsFor(added: readonly T[]): TagLists | undefined {
    return added.length === 0 && this.#removedCount === 0 ? this.#lists : undefined;
  }

  #backupsOf(ranks: readonly number[]): T[] {
    const backups = this.#segment.backups;
    const out = new Array<T>(ranks.length);
    for (let i = 0; i < ranks.length; i++) out[i] = backups[ranks[i]!]!;
    return out;
  }

  #sortedDelta(): T[] {
    this.#deltaSorted ??= [...this.#delta.values()].sort(compareBackupOrder);
    return this.#deltaSorted;
  }

  /** Folds the side list and tombstones into a new segment once they cost more than a rebuild. */
  #compactIfLarge(): void {
    const size = this.#segment.size;
    const deltaTooLarge = this.#delta.size > 1024 + (size >>> 6);
    const tooManyTombstones = this.#removedCount > 1024 && this.#removedCount > size >>> 1;
    if (deltaTooLarge || tooManyTombstones) this.compact();
  }

  /** Rebuilds the index over the current backups; queries call it when worthwhile. */
  compact(): void {
    const backups = this.#segment.backups;
    const added = this.#sortedDelta();
    const live: T[] = [];
    let next = 0;
    for (let rank = 0; rank < backups.length; rank++) {
      if (this.#removed.has(rank)) continue;
      const backup = backups[rank]!;
      while (next < added.length && compareBackupOrder(added[next]!, backup) < 0) live.push(added[next++]!);
      live.push(backup);
    }
    while (next < added.length) live.push(added[next++]!);
    this.#install(live);
  }
}
