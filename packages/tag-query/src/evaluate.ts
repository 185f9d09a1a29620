import type { Match, Tag, TagQuery } from '@csbs-kit/models';
import { nameMatches } from './name-match.js';

/** A tag as a resource carries it; a missing value counts as `""`. */
export interface ResourceTagLike {
  key: string;
  value?: string | null;
}

/** What a tag query looks at: the backup name and its tags. */
export interface TaggedResource {
  name?: string | null;
  tags?: readonly ResourceTagLike[] | null;
}

/** An entry matches when the resource has a tag with its key and, unless `values` is empty, one of its values. */
export function entryMatches(entry: Tag, tags: readonly ResourceTagLike[]): boolean {
  for (const tag of tags) {
    if (tag.key !== entry.key) continue;
    if (entry.values.length === 0 || entry.values.includes(tag.value ?? '')) return true;
  }
  return false;
}

function matchHolds(match: Match, name: string | null | undefined): boolean {
  // `resource_name` is the only key the reference knows; another key can match nothing.
  return match.key === 'resource_name' && nameMatches(match.value, name);
}

/**
 * Whether one backup answers a tag query, by the reference's rules: `tags` needs ALL
 * entries, `tags_any` ANY entry, a backup matching ALL `not_tags` entries is excluded, and
 * one matching ANY `not_tags_any` entry is excluded. Values compare exactly; `matches`
 * searches the name (see `nameMatches`). An absent or empty list sets no condition.
 *
 * Expects a query that passed `validateTagQuery` (keys and values trimmed).
 */
export function matchesTagQuery(query: TagQuery, resource: TaggedResource): boolean {
  const tags = resource.tags ?? [];
  const { tags: all, tags_any: any, not_tags: notAll, not_tags_any: notAny, matches } = query;
  if (all && !all.every((entry) => entryMatches(entry, tags))) return false;
  if (any && any.length > 0 && !any.some((entry) => entryMatches(entry, tags))) return false;
  if (notAll && notAll.length > 0 && notAll.every((entry) => entryMatches(entry, tags))) return false;
  if (notAny?.some((entry) => entryMatches(entry, tags))) return false;
  if (matches && !matches.every((match) => matchHolds(match, resource.name))) return false;
  return true;
}
