/** What the order of a tag query's answer looks at. */
export interface OrderedBackup {
  id: string;
  created_at?: string | null;
}

/**
 * The tag query's answer order (spec Decisions): `created_at` descending, then `id`
 * descending, with a missing `created_at` as `""`. Strings compare by UTF-16 code units,
 * which orders the reference's fixed-width timestamps chronologically and does not depend
 * on the locale. Negative when `a` comes first.
 */
export function compareBackupOrder(a: OrderedBackup, b: OrderedBackup): number {
  const ca = a.created_at ?? '';
  const cb = b.created_at ?? '';
  if (ca !== cb) return ca > cb ? -1 : 1;
  if (a.id !== b.id) return a.id > b.id ? -1 : 1;
  return 0;
}

/**
 * The positions of `backups` in the answer order. V8 sorts plain strings without calling
 * back into JavaScript, several times faster than a comparator on a million objects, so
 * each backup gets the key `created_at NUL id NUL position`, sorted ascending and read
 * backwards. NUL sorts below every other character, so a shorter `created_at` or `id` still
 * sorts first; data that contains NUL itself takes the comparator.
 */
export function answerOrder(backups: readonly OrderedBackup[]): Uint32Array {
  const n = backups.length;
  if (isInAnswerOrder(backups)) return identity(n);
  const keys: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const backup = backups[i]!;
    const createdAt = backup.created_at ?? '';
    const plain = typeof createdAt === 'string' && typeof backup.id === 'string';
    if (!plain || createdAt.includes('\u0000') || backup.id.includes('\u0000')) {
      const order = Array.from({ length: n }, (_, k) => k);
      order.sort((a, b) => compareBackupOrder(backups[a]!, backups[b]!));
      return Uint32Array.from(order);
    }
    keys[i] = `${createdAt}\u0000${backup.id}\u0000${i}`;
  }
  keys.sort();
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const key = keys[n - 1 - i]!;
    order[i] = Number(key.slice(key.lastIndexOf('\u0000') + 1));
  }
  return order;
}

/**
 * Whether `backups` already stand in the answer order, each strictly after the one before.
 * Callers that hold their backups sorted (the emulator hands them over in its `created_at`
 * order) then pay one pass instead of a key string per backup and a string sort: at a
 * million backups those took ~2.5 s of the index build.
 */
export function isInAnswerOrder(backups: readonly OrderedBackup[]): boolean {
  if (backups.length === 0) return true;
  let createdAt = backups[0]!.created_at ?? '';
  let id = backups[0]!.id;
  if (typeof createdAt !== 'string' || typeof id !== 'string') return false;
  for (let i = 1; i < backups.length; i++) {
    const backup = backups[i]!;
    const nextCreatedAt = backup.created_at ?? '';
    const nextId = backup.id;
    if (typeof nextCreatedAt !== 'string' || typeof nextId !== 'string') return false;
    if (nextCreatedAt > createdAt || (nextCreatedAt === createdAt && nextId >= id)) return false;
    createdAt = nextCreatedAt;
    id = nextId;
  }
  return true;
}

function identity(n: number): Uint32Array {
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return order;
}

/** `backups` in the answer order. */
export function sortBackups<T extends OrderedBackup>(backups: readonly T[]): T[] {
  return Array.from(answerOrder(backups), (position) => backups[position]!);
}

/** The first position in `sorted` whose backup does not come before `backup`. */
export function lowerBound<T extends OrderedBackup>(sorted: readonly T[], backup: OrderedBackup): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareBackupOrder(sorted[mid]!, backup) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
