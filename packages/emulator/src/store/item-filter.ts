import type { CheckpointItem, CountCheckpointItemsQuery } from '@csbs-kit/models';
import { azOf, imageTypeOf, normalizeTime, resourceNameOf, textOf } from './item-fields.js';

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
