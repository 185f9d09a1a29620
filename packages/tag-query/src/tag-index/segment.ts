import type { Match, Tag, TagQuery } from '@csbs-kit/models';
import type { TaggedResource } from '../evaluate.js';
import type { OrderedBackup } from './backup-order.js';
import { characterBits, NameTable } from './name-table.js';
import {
  andNotPosting,
  andPosting,
  orPosting,
  type Posting,
  postingLength,
  postingToRankSet,
} from './posting.js';
import { buildKeyPostings, type KeyPostings } from './posting-builder.js';
import { RankSet } from './rank-set.js';

/** One entry's backups: the union of these postings (none = no backup). */
type EntryPostings = readonly Posting[];

/**
 * An immutable snapshot of backups in the answer order, with posting lists per key and per
 * key/value pair. A backup's rank is its position in `backups`.
 */
export class IndexSegment<T extends TaggedResource & OrderedBackup> {
  readonly backups: readonly T[];
  readonly #keys: Map<string, KeyPostings>;
  #names: NameTable | undefined;

  /** `sorted` must already be in the answer order with unique ids. */
  constructor(sorted: readonly T[]) {
    this.backups = sorted;
    this.#keys = buildKeyPostings(sorted);
  }

  get size(): number {
    return this.backups.length;
  }

  #entryPostings(entry: Tag): EntryPostings {
    const postings = this.#keys.get(entry.key);
    if (postings === undefined) return [];
    if (entry.values.length === 0) return [postings.any];
    const out: Posting[] = [];
    for (const value of entry.values) {
      const posting = postings.values.get(value);
      if (posting !== undefined) out.push(posting);
    }
    return out;
  }

  #union(postings: EntryPostings): RankSet {
    if (postings.length === 1) return postingToRankSet(this.size, postings[0]!);
    const set = new RankSet(this.size);
    for (const posting of postings) orPosting(set, posting);
    return set;
  }

  /** Backups matching ALL of a non-empty list of entries. */
  #intersection(entries: readonly Tag[]): RankSet {
    const lists = entries
      .map((entry) => {
        const postings = this.#entryPostings(entry);
        return { postings, length: postings.reduce((sum, p) => sum + postingLength(p), 0) };
      })
      .sort((a, b) => a.length - b.length);
    const first = lists[0]!;
    if (first.length === 0) return new RankSet(this.size);
    const set = this.#union(first.postings);
    for (let i = 1; i < lists.length; i++) {
      const { postings } = lists[i]!;
      if (postings.length === 1) andPosting(set, postings[0]!);
      else set.and(this.#union(postings));
    }
    return set;
  }

  /**
   * The ranks that satisfy the four tag lists of `query`, ignoring `matches`; null when the
   * lists set no condition (every rank).
   */
  matchTags(query: TagQuery): RankSet | null {
    let result: RankSet | null = null;
    if (query.tags && query.tags.length > 0) result = this.#intersection(query.tags);
    if (query.tags_any && query.tags_any.length > 0) {
      const any = new RankSet(this.size);
      for (const entry of query.tags_any)
        for (const posting of this.#entryPostings(entry)) orPosting(any, posting);
      if (result === null) result = any;
      else result.and(any);
    }
    if (query.not_tags && query.not_tags.length > 0) {
      const excluded = this.#intersection(query.not_tags);
      result ??= RankSet.full(this.size);
      result.andNot(excluded);
    }
    if (query.not_tags_any && query.not_tags_any.length > 0) {
      result ??= RankSet.full(this.size);
      for (const entry of query.not_tags_any) {
        for (const posting of this.#entryPostings(entry)) andNotPosting(result, posting);
      }
    }
    return result;
  }

  /** Removes the ranks whose name fails one of `matches` (the index's only scan). */
  filterNames(set: RankSet, matches: readonly Match[]): void {
    if (matches.length === 0) return;
    if (matches.some((match) => match.key !== 'resource_name')) {
      set.words.fill(0);
      return;
    }
    const backups = this.backups;
    if (matches.some((match) => match.value === '')) {
      // Exact match on the empty name; a non-empty needle can never be found in it.
      const otherNeedles = matches.some((match) => match.value !== '');
      set.retain((rank) => !otherNeedles && (backups[rank]!.name ?? '') === '');
      return;
    }
    const needles = matches.map((match) => match.value.toLowerCase());
    const needleBits = needles.reduce((bits, needle) => (bits | characterBits(needle)) >>> 0, 0);
    this.#names ??= new NameTable(backups.map((backup) => backup.name));
    const names = this.#names;
    set.retain((rank) => names.contains(rank, needles, needleBits));
  }
}
