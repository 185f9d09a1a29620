import { answerOrder, type OrderedBackup } from './backup-order.js';

/** How the constructor of `TagIndex` may take its backups. */
export interface TagIndexOptions {
  /**
   * The caller vouches that the backups already stand in the answer order (`created_at`
   * descending, then `id` descending) and that no two share an id, so the build skips
   * checking either: at a million backups the checks read every `created_at`, compare a
   * million pairs of strings and hash a million ids into a map (seconds, and ~50 MB for
   * the map), when the caller (the emulator) took the order from an index that already
   * sorted them. The id map is then built on the first `get`, `add` or `remove`. Backups
   * out of order or with repeated ids are answered wrongly with this set: set it only for
   * what is known.
   */
  inAnswerOrder?: boolean;
}

/** The backups of a build, in the answer order, with the id map of the index. */
export interface BuiltOrder<T> {
  sorted: T[];
  /** id → slot: the rank itself, or, with `rankOfSlot`, an index into it; undefined: build it when needed. */
  slotById: Map<string, number> | undefined;
  rankOfSlot?: Uint32Array | undefined;
}

/**
 * Orders the backups of a build: a later backup with the same id replaces the earlier one
 * (as `add` does), then the list is put in the answer order unless it already stands in it.
 * The map built to find duplicates doubles as the id map: a rank table beside it is
 * cheaper than a second map of a million ids.
 */
export function buildOrder<T extends OrderedBackup>(
  backups: Iterable<T>,
  options: TagIndexOptions = {},
): BuiltOrder<T> {
  let list = [...backups];
  if (options.inAnswerOrder === true) return { sorted: list, slotById: undefined };
  let positions = new Map<string, number>();
  for (let i = 0; i < list.length; i++) positions.set(list[i]!.id, i);
  if (positions.size !== list.length) {
    list = list.filter((backup, i) => positions.get(backup.id) === i);
    positions = new Map(list.map((backup, i) => [backup.id, i]));
  }
  const order = answerOrder(list);
  // Already in the answer order: each position is its rank, no table or copy needed.
  let identity = true;
  for (let rank = 0; rank < order.length && identity; rank++) identity = order[rank] === rank;
  if (identity) return { sorted: list, slotById: positions };
  const rankOfSlot = new Uint32Array(list.length);
  for (let rank = 0; rank < order.length; rank++) rankOfSlot[order[rank]!] = rank;
  return {
    sorted: Array.from(order, (position) => list[position]!),
    slotById: positions,
    rankOfSlot,
  };
}
