import type { Posting } from './posting.js';

/**
 * The `offset`..`offset+limit` members of one posting list as backups: a sorted array is
 * indexed directly, a bitset skips whole words by popcount. No copy of the list is made.
 */
export function readPosting<T>(posting: Posting, backups: readonly T[], offset: number, limit: number): T[] {
  const out: T[] = [];
  if (posting.kind === 'ranks') {
    const ranks = posting.ranks;
    const end = Math.min(ranks.length, offset + limit);
    for (let i = offset; i < end; i++) out.push(backups[ranks[i]!]!);
    return out;
  }
  posting.bits.forEachFrom(offset, (rank) => {
    out.push(backups[rank]!);
    return out.length < limit;
  });
  return out;
}
