import type { IndexedBackup } from '../../src/tag-index/tag-index.js';

/** The answer order (`created_at` desc, then `id` desc) written out independently of the index's comparator. */
export function expectedOrder<T extends IndexedBackup>(list: readonly T[]): T[] {
  return [...list].sort((x, y) => {
    const a = `${x.created_at ?? ''}`;
    const c = `${y.created_at ?? ''}`;
    if (a < c) return 1;
    if (a > c) return -1;
    return x.id < y.id ? 1 : x.id > y.id ? -1 : 0;
  });
}
