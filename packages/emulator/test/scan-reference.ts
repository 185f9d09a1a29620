// The plain-scan reference implementation of the listing: the emulator's answer before it had
// indexes, kept here as the oracle that the indexed answers are checked against.
import type { CheckpointItem, CountCheckpointItemsQuery, SortField } from '@csbs-kit/models';
import {
  azOf,
  imageTypeOf,
  normalizeTime,
  resourceNameOf,
  sortValueOf,
  textOf,
} from '../src/store/item-fields.js';

export type ItemPredicate = (item: CheckpointItem) => boolean;

/**
 * The listing's filters as one predicate (undefined when nothing filters). Fuzzy fields
 * (`name`, `resource_name`) are case-insensitive substrings; every other filter is exact;
 * `start_time`/`end_time` bound `created_at` inclusively, as instants.
 */
export function itemPredicateOf(query: CountCheckpointItemsQuery): ItemPredicate | undefined {
  const checks: ItemPredicate[] = [];
  const exact = (wanted: string | undefined, read: (item: CheckpointItem) => string) => {
    if (wanted !== undefined) checks.push((item) => read(item) === wanted);
  };
  const fuzzy = (wanted: string | undefined, read: (item: CheckpointItem) => string) => {
    if (wanted === undefined) return;
    const needle = wanted.toLowerCase();
    checks.push((item) => read(item).toLowerCase().includes(needle));
  };
  exact(query.status, (item) => textOf(item.status));
  exact(query.resource_id, (item) => textOf(item.resource_id));
  exact(query.checkpoint_id, (item) => textOf(item.checkpoint_id));
  exact(query.resource_type, (item) => textOf(item.resource_type));
  exact(query.policy_id, (item) => textOf(item.policy_id));
  exact(query.az, azOf);
  exact(query.image_type, imageTypeOf);
  fuzzy(query.name, (item) => textOf(item.name));
  fuzzy(query.resource_name, resourceNameOf);
  if (query.start_time !== undefined) {
    const start = normalizeTime(query.start_time);
    checks.push((item) => normalizeTime(item.created_at) >= start);
  }
  if (query.end_time !== undefined) {
    const end = normalizeTime(query.end_time);
    checks.push((item) => normalizeTime(item.created_at) <= end);
  }
  if (checks.length === 0) return undefined;
  if (checks.length === 1) return checks[0];
  return (item) => checks.every((check) => check(item));
}

const sortedCache = new WeakMap<readonly CheckpointItem[], Map<string, CheckpointItem[]>>();

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The listing as a plain scan, the oracle of the indexed answer: every item tested with the
 * predicate, the matches sorted by a comparator on the sort fields (id tie-break in the last
 * key's direction), then marker, offset and limit applied as the Decisions say.
 */
export function scanListing(
  items: readonly CheckpointItem[],
  request: {
    query: CountCheckpointItemsQuery;
    sort: readonly SortField[];
    marker?: string | undefined;
    offset: number;
    limit: number;
  },
): string[] | 'unknown marker' {
  const fields = [...request.sort];
  if (!fields.some((f) => f.key === 'id'))
    fields.push({ key: 'id', direction: fields.at(-1)?.direction ?? 'desc' });
  const compare = (a: CheckpointItem, b: CheckpointItem) => {
    for (const f of fields) {
      const c = compareText(sortValueOf(a, f.key), sortValueOf(b, f.key));
      if (c !== 0) return f.direction === 'asc' ? c : -c;
    }
    return 0;
  };
  // Sorting is the slow part of a scan; a property test asks many questions of one data set.
  let bySort = sortedCache.get(items);
  if (bySort === undefined) {
    bySort = new Map();
    sortedCache.set(items, bySort);
  }
  const spec = JSON.stringify(fields);
  let sorted = bySort.get(spec);
  if (sorted === undefined) {
    sorted = [...items].sort(compare);
    bySort.set(spec, sorted);
  }
  let from = 0;
  if (request.marker !== undefined) {
    const at = sorted.findIndex((item) => item.id === request.marker);
    if (at < 0) return 'unknown marker';
    from = at + 1;
  }
  const predicate = itemPredicateOf(request.query);
  return sorted
    .slice(from)
    .filter((item) => predicate === undefined || predicate(item))
    .slice(request.offset, request.offset + request.limit)
    .map((item) => item.id);
}

/** `/count` as a plain scan. */
export function scanCount(items: readonly CheckpointItem[], query: CountCheckpointItemsQuery): number {
  const predicate = itemPredicateOf(query);
  return predicate === undefined ? items.length : items.filter(predicate).length;
}
