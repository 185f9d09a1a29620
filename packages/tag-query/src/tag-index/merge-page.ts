import { lowerBound, type OrderedBackup } from './backup-order.js';
import type { RankSet } from './rank-set.js';

/**
 * Reads one page off two ordered streams: segment matches (bits of `main`) and side-list
 * matches (`added`, sorted). `before[i]` counts the segment matches that precede
 * `added[i]`, so `added[i]` sits at global position `before[i] + i`.
 */
export function mergePage<T extends OrderedBackup>(
  backups: readonly T[],
  main: RankSet,
  added: readonly T[],
  offset: number,
  limit: number,
): T[] {
  const out: T[] = [];
  if (added.length === 0) {
    main.forEachFrom(offset, (rank) => {
      out.push(backups[rank]!);
      return out.length < limit;
    });
    return out;
  }
  const before: number[] = [];
  let scannedTo = 0;
  let counted = 0;
  for (const backup of added) {
    const at = lowerBound(backups, backup);
    counted += main.countBetween(scannedTo, at);
    scannedTo = at;
    before.push(counted);
  }
  let next = 0;
  while (next < added.length && before[next]! + next < offset) next++;
  let mainIndex = offset - next;
  main.forEachFrom(mainIndex, (rank) => {
    while (next < added.length && before[next]! <= mainIndex && out.length < limit) out.push(added[next++]!);
    if (out.length >= limit) return false;
    out.push(backups[rank]!);
    mainIndex++;
    return out.length < limit;
  });
  while (next < added.length && out.length < limit) out.push(added[next++]!);
  return out;
}
