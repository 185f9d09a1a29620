import type { Match, Tag, TagQuery } from '@csbs-kit/models';
import type { TaggedResource } from '../evaluate.js';
import type { OrderedBackup } from './backup-order.js';
import { characterBits } from './character-bits.js';
import { NameTable } from './name-table.js';
import { andNotPosting, andPosting, orPosting, type Posting, postingLength } from './posting.js';
import { type BuiltPostings, buildKeyPostings, type KeyPostings, tagListsPay } from './posting-builder.js';
import { allTest, type QueryPlan, type RankTest, unionTest } from './query-plan.js';
import { RankSet } from './rank-set.js';

/** One entry's backups: the union of these postings (none = no backup). */
type EntryPostings = readonly Posting[];

const NONE: QueryPlan = { kind: 'none' };
const ALL: QueryPlan = { kind: 'all' };
const SCRATCH: QueryPlan = { kind: 'scratch' };

/**
 * The name condition of `matches`: null for none, 'never' when no name can pass (an
 * unknown key, or the empty name asked together with a non-empty needle), 'empty' for an
 * exact match on the empty name, else the needles lower-cased with their character bits.
 */
export type NameCondition = { needles: string[]; bits: number } | 'never' | 'empty' | null;

export function nameCondition(matches: readonly Match[]): NameCondition {
  if (matches.length === 0) return null;
  if (matches.some((match) => match.key !== 'resource_name')) return 'never';
  if (matches.some((match) => match.value === '')) {
    // Exact match on the empty name; a non-empty needle can never be found in it.
    return matches.some((match) => match.value !== '') ? 'never' : 'empty';
  }
  const needles = matches.map((match) => match.value.toLowerCase());
  return { needles, bits: needles.reduce((bits, needle) => (bits | characterBits(needle)) >>> 0, 0) };
}

/**
 * An immutable snapshot of backups in the answer order, with posting lists per key and per
 * key/value pair. A backup's rank is its position in `backups`. The only mutable state is
 * up to three scratch bitsets (size/8 bytes each) that queries reuse instead of allocating.
 */
export class IndexSegment<T extends TaggedResource & OrderedBackup> {
  readonly backups: readonly T[];
  /**
   * The posting lists; undefined until first needed when the backups share few tags lists
   * (the index answers by lists then, and needs these only for tombstones and additions).
   */
  #keys: Map<string, KeyPostings> | undefined;
  #names: NameTable | undefined;
  readonly #scratchSets: RankSet[] = [];
  /** The distinct tags lists of the build, until `takeTagLists` hands them over. */
  #built: Pick<BuiltPostings, 'listOfRank' | 'lists'> | undefined;

  /** `sorted` must already be in the answer order with unique ids. */
  constructor(sorted: readonly T[]) {
    this.backups = sorted;
    const { keys, listOfRank, lists } = buildKeyPostings(sorted, (n, lists) => !tagListsPay(n, lists));
    this.#keys = keys;
    this.#built = { listOfRank, lists };
  }

  /** Each rank's distinct tags list, as the build found them; given once, then let go. */
  takeTagLists(): Pick<BuiltPostings, 'listOfRank' | 'lists'> | undefined {
    const built = this.#built;
    this.#built = undefined;
    return built;
  }

  get size(): number {
    return this.backups.length;
  }

  #entryPostings(entry: Tag): EntryPostings {
    this.#keys ??= buildKeyPostings(this.backups).keys!;
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

  /** The postings of each positive requirement; null when one of them can match nothing. */
  #positives(query: TagQuery): EntryPostings[] | null {
    const out: EntryPostings[] = [];
    for (const entry of query.tags ?? []) out.push(this.#entryPostings(entry));
    if (query.tags_any && query.tags_any.length > 0)
      out.push(query.tags_any.flatMap((entry) => this.#entryPostings(entry)));
    return out.some((postings) => postings.length === 0) ? null : out;
  }

  /**
   * Chooses how to answer `query` (see `QueryPlan`). `removed` holds the tombstoned ranks,
   * or is null when there are none. Only the `scratch` plan touches a full-size bitset.
   */
  plan(query: TagQuery, removed: RankSet | null): QueryPlan {
    const positives = this.#positives(query);
    const matches = query.matches ?? [];
    if (positives === null || matches.some((match) => match.key !== 'resource_name')) return NONE;
    const hasNegatives = (query.not_tags?.length ?? 0) > 0 || (query.not_tags_any?.length ?? 0) > 0;
    const lengths = positives.map((postings) => postings.reduce((sum, p) => sum + postingLength(p), 0));
    if (positives.length === 0) {
      return hasNegatives || matches.length > 0 || removed !== null ? SCRATCH : ALL;
    }
    const alone = positives.length === 1 && !hasNegatives && matches.length === 0;
    if (alone && removed === null && positives[0]!.length === 1)
      return { kind: 'posting', posting: positives[0]![0]! };
    // The driver is the shortest requirement that is one sorted list: walking fewer than
    // size/32 ranks with a few tests each costs no more than one pass over the bitset words.
    let driver = -1;
    let ranks: Uint32Array | undefined;
    for (let i = 0; i < positives.length; i++) {
      const posting = positives[i]![0]!;
      if (positives[i]!.length !== 1 || posting.kind !== 'ranks') continue;
      if (driver < 0 || lengths[i]! < lengths[driver]!) [driver, ranks] = [i, posting.ranks];
    }
    if (ranks === undefined) return SCRATCH;
    // Shortest lists first: they reject the most candidates before the others are asked.
    const order = positives.map((_, i) => i).sort((a, b) => lengths[a]! - lengths[b]!);
    const tests: RankTest[] = order.filter((i) => i !== driver).map((i) => unionTest(positives[i]!));
    if (query.not_tags && query.not_tags.length > 0) {
      const excluded = allTest(query.not_tags.map((entry) => unionTest(this.#entryPostings(entry))));
      tests.push((rank) => !excluded(rank));
    }
    if (query.not_tags_any && query.not_tags_any.length > 0) {
      const excluded = unionTest(query.not_tags_any.flatMap((entry) => this.#entryPostings(entry)));
      tests.push((rank) => !excluded(rank));
    }
    if (removed !== null) tests.push((rank) => !removed.has(rank));
    const names = this.#nameTest(matches);
    if (names !== null) tests.push(names);
    return { kind: 'drive', ranks, test: tests.length === 0 ? () => true : allTest(tests) };
  }

  /** Scratch bitsets, allocated on the first query that needs them and reused after. */
  #scratch(i: number): RankSet {
    this.#scratchSets[i] ??= new RankSet(this.size);
    return this.#scratchSets[i];
  }

  /** `target` = the union of `postings`, in place. */
  #unionInto(target: RankSet, postings: EntryPostings): RankSet {
    const first = postings[0];
    if (first?.kind === 'bits') target.copyFrom(first.bits);
    else target.clear();
    for (const posting of postings)
      if (posting !== first || first.kind !== 'bits') orPosting(target, posting);
    return target;
  }

  /** `target` = the backups matching ALL of `entries`; `temp` holds multi-value unions. */
  #intersectionInto(target: RankSet, temp: RankSet, entries: readonly Tag[]): RankSet {
    const lists = entries
      .map((entry) => {
        const postings = this.#entryPostings(entry);
        return { postings, length: postings.reduce((sum, p) => sum + postingLength(p), 0) };
      })
      .sort((a, b) => a.length - b.length);
    this.#unionInto(target, lists[0]!.postings);
    for (let i = 1; i < lists.length; i++) {
      const { postings } = lists[i]!;
      if (postings.length === 1) andPosting(target, postings[0]!);
      else target.and(this.#unionInto(temp, postings));
    }
    return target;
  }

  /**
   * The ranks matching `query` minus `removed`, as bitset operations into the segment's
   * scratch sets. The result is only valid until the next call: read it, do not keep it.
   */
  evaluate(query: TagQuery, removed: RankSet | null): RankSet {
    const result = this.#scratch(0);
    const temp = this.#scratch(1);
    const anyPostings = (query.tags_any ?? []).flatMap((entry) => this.#entryPostings(entry));
    if (query.tags && query.tags.length > 0) {
      this.#intersectionInto(result, temp, query.tags);
      if (query.tags_any && query.tags_any.length > 0) result.and(this.#unionInto(temp, anyPostings));
    } else if (query.tags_any && query.tags_any.length > 0) {
      this.#unionInto(result, anyPostings);
    } else {
      result.fillAll();
    }
    if (query.not_tags && query.not_tags.length > 0)
      result.andNot(this.#intersectionInto(temp, this.#scratch(2), query.not_tags));
    for (const entry of query.not_tags_any ?? [])
      for (const posting of this.#entryPostings(entry)) andNotPosting(result, posting);
    if (removed !== null) result.andNot(removed);
    this.filterNames(result, query.matches ?? []);
    return result;
  }

  /** The names by rank, built on the first name search. */
  nameTable(): NameTable {
    this.#names ??= new NameTable(this.backups.map((backup) => backup.name));
    return this.#names;
  }

  /** The name condition of `matches` as a rank test; null when there is none. */
  #nameTest(matches: readonly Match[]): RankTest | null {
    const condition = nameCondition(matches);
    if (condition === null) return null;
    if (condition === 'never') return () => false;
    const backups = this.backups;
    if (condition === 'empty') return (rank) => (backups[rank]!.name ?? '') === '';
    return this.nameTable().matcher(condition.needles, condition.bits);
  }

  /**
   * Removes the ranks whose name fails one of `matches` (the index's only scan). Uses the
   * scratch set 1, so `set` must not be that one.
   */
  filterNames(set: RankSet, matches: readonly Match[]): void {
    const condition = nameCondition(matches);
    if (condition === null) return;
    if (condition === 'never') set.clear();
    else if (condition === 'empty') {
      const backups = this.backups;
      set.retain((rank) => (backups[rank]!.name ?? '') === '');
    } else this.nameTable().retainMatching(set, condition.needles, condition.bits, this.#scratch(1));
  }
}
