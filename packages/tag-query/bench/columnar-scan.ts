// The strong baseline of the tag-query benchmark: a linear scan that is as fast as a scan
// gets in JS, so that the index's ratio says what indexing buys and not what objects cost.
// Tags live in typed-array columns (compressed rows: each backup's slice of key ids and
// key=value pair ids, strings interned once), and a query is compiled to ids and per-entry
// bitmaps of the pair ids it accepts; evaluating a backup is then a few integer loops.
import type { Tag, TagQuery } from '@csbs-kit/models';
import type { IndexedBackup } from '../src/index.js';

export interface TagColumns {
  size: number;
  /** `keys[offsets[i] .. offsets[i + 1])` are backup i's tag keys (ids), `pairs[...]` its key=value ids. */
  offsets: Uint32Array;
  keys: Uint32Array;
  pairs: Uint32Array;
  keyIds: Map<string, number>;
  pairIds: Map<string, number>;
}

const pairName = (key: string, value: string) => `${key}\u0000${value}`;

/** Builds the columns, backups in the given order (the scan's select returns them in it). */
export function buildTagColumns(backups: readonly IndexedBackup[]): TagColumns {
  const keyIds = new Map<string, number>();
  const pairIds = new Map<string, number>();
  let total = 0;
  for (const b of backups) total += b.tags?.length ?? 0;
  const offsets = new Uint32Array(backups.length + 1);
  const keys = new Uint32Array(total);
  const pairs = new Uint32Array(total);
  let at = 0;
  backups.forEach((b, i) => {
    offsets[i] = at;
    for (const tag of b.tags ?? []) {
      const value = tag.value ?? '';
      let k = keyIds.get(tag.key);
      if (k === undefined) {
        k = keyIds.size;
        keyIds.set(tag.key, k);
      }
      const name = pairName(tag.key, value);
      let p = pairIds.get(name);
      if (p === undefined) {
        p = pairIds.size;
        pairIds.set(name, p);
      }
      keys[at] = k;
      pairs[at] = p;
      at++;
    }
  });
  offsets[backups.length] = at;
  return { size: backups.length, offsets, keys, pairs, keyIds, pairIds };
}

/** One compiled entry: a key id (-1: no backup has it) and, unless any value will do, the accepted pair ids. */
interface Entry {
  key: number;
  accepts: Uint8Array | undefined;
}

function compileEntry(columns: TagColumns, entry: Tag): Entry {
  const key = columns.keyIds.get(entry.key) ?? -1;
  if (entry.values.length === 0) return { key, accepts: undefined };
  const accepts = new Uint8Array(columns.pairIds.size);
  for (const value of entry.values) {
    const p = columns.pairIds.get(pairName(entry.key, value));
    if (p !== undefined) accepts[p] = 1;
  }
  return { key, accepts };
}

/** A query over the columns; `matches` (name search) is not part of this baseline. */
export function compileColumnarQuery(columns: TagColumns, query: TagQuery): (i: number) => boolean {
  if (query.matches && query.matches.length > 0) throw new Error('the columnar baseline ignores matches');
  const { offsets, keys, pairs } = columns;
  const compile = (list: readonly Tag[] | undefined) => (list ?? []).map((e) => compileEntry(columns, e));
  const all = compile(query.tags);
  const any = compile(query.tags_any);
  const notAll = compile(query.not_tags);
  const notAny = compile(query.not_tags_any);
  const holds = (entry: Entry, from: number, to: number): boolean => {
    if (entry.key < 0) return false;
    const accepts = entry.accepts;
    for (let t = from; t < to; t++) {
      if (keys[t] !== entry.key) continue;
      if (accepts === undefined || accepts[pairs[t]!] === 1) return true;
    }
    return false;
  };
  // Indexed loops over plain arrays: this function runs a million times per query.
  return (i) => {
    const from = offsets[i]!;
    const to = offsets[i + 1]!;
    for (let e = 0; e < all.length; e++) if (!holds(all[e]!, from, to)) return false;
    if (any.length > 0) {
      let one = false;
      for (let e = 0; e < any.length && !one; e++) one = holds(any[e]!, from, to);
      if (!one) return false;
    }
    if (notAll.length > 0) {
      let every = true;
      for (let e = 0; e < notAll.length && every; e++) every = holds(notAll[e]!, from, to);
      if (every) return false;
    }
    for (let e = 0; e < notAny.length; e++) if (holds(notAny[e]!, from, to)) return false;
    return true;
  };
}

/** How many backups match: the whole scan. */
export function columnarCount(columns: TagColumns, matches: (i: number) => boolean): number {
  let n = 0;
  for (let i = 0; i < columns.size; i++) if (matches(i)) n++;
  return n;
}

/** The first `limit` matches in column order: the scan stops as soon as the page is full. */
export function columnarSelect(
  columns: TagColumns,
  matches: (i: number) => boolean,
  limit: number,
): number[] {
  const page: number[] = [];
  for (let i = 0; i < columns.size && page.length < limit; i++) if (matches(i)) page.push(i);
  return page;
}
