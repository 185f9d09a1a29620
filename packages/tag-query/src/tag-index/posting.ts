import { RankSet } from './rank-set.js';

/**
 * The ranks of the backups that carry a key, or a key/value pair. Sparse lists stay a
 * sorted array (4 bytes a member); once a list holds more than 1/32 of the backups a
 * bitset is smaller, and faster to combine.
 */
export type Posting =
  | { readonly kind: 'ranks'; readonly ranks: Uint32Array }
  | {
      readonly kind: 'bits';
      readonly bits: RankSet;
      /** Members, when known at build time: spares a popcount of the whole bitset per query. */
      readonly count?: number;
    };

/** Whether `count` members of `size` backups are stored smaller as a bitset. */
export function prefersBits(size: number, count: number): boolean {
  return count * 32 > size;
}

export function toPosting(size: number, ranks: readonly number[]): Posting {
  if (prefersBits(size, ranks.length)) return { kind: 'bits', bits: RankSet.fromRanks(size, ranks) };
  return { kind: 'ranks', ranks: Uint32Array.from(ranks) };
}

export function postingLength(posting: Posting): number {
  if (posting.kind === 'ranks') return posting.ranks.length;
  return posting.count ?? posting.bits.count();
}

export function orPosting(target: RankSet, posting: Posting): void {
  if (posting.kind === 'bits') target.or(posting.bits);
  else target.addRanks(posting.ranks);
}

export function andPosting(target: RankSet, posting: Posting): void {
  if (posting.kind === 'bits') target.and(posting.bits);
  else target.andRanks(posting.ranks);
}

export function andNotPosting(target: RankSet, posting: Posting): void {
  if (posting.kind === 'bits') target.andNot(posting.bits);
  else target.deleteRanks(posting.ranks);
}
