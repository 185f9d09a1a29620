import { type Tag, type TagQuery, tagQueryLimits } from '@csbs-kit/models';
import type { TagListField } from '../validate.js';
import { compareText, spellRequirement } from './spelling.js';

/** Where a requirement was written, for error messages: a selector column or a field path. */
export interface RequirementOrigin {
  /** `column 7` or `tags[1]`. */
  readonly where: string;
}

/** Why a requirement cannot join the others; the caller turns it into its own error type. */
export interface RequirementConflict {
  readonly expected: string;
  readonly found: string;
}

interface MergedEntry {
  readonly key: string;
  /** null: any value (the key is present). */
  values: Set<string> | null;
  readonly origin: RequirementOrigin;
}

/**
 * Positive lists (`tags`, and the `!(...)` group = `not_tags`) AND their requirements, so
 * two on one key intersect; `not_tags_any` and the `any(...)` group OR theirs, so two on
 * one key unite.
 */
const mergeModes: Record<TagListField, 'intersect' | 'union'> = {
  tags: 'intersect',
  not_tags: 'intersect',
  tags_any: 'union',
  not_tags_any: 'union',
};

const positiveLists: Record<TagListField, boolean> = {
  tags: true,
  tags_any: true,
  not_tags: true,
  not_tags_any: false,
};

function sortedValues(values: Set<string> | null): string[] | null {
  return values === null ? null : [...values].sort(compareText);
}

function spellEntry(field: TagListField, key: string, values: Set<string> | null): string {
  return `\`${spellRequirement(key, sortedValues(values), positiveLists[field])}\``;
}

/**
 * The requirements of a selector (or a builder, or a query to format), merged per key the
 * way the selector syntax defines, with its contradictions and the reference's limits.
 */
export class RequirementSet {
  readonly #lists: Record<TagListField, Map<string, MergedEntry>> = {
    tags: new Map(),
    tags_any: new Map(),
    not_tags: new Map(),
    not_tags_any: new Map(),
  };

  /**
   * Adds `key` (values null or empty: any value) to a list. Returns why it cannot be added,
   * leaving the set unchanged, or undefined.
   */
  add(
    field: TagListField,
    key: string,
    values: readonly string[] | null,
    origin: RequirementOrigin,
  ): RequirementConflict | undefined {
    const list = this.#lists[field];
    const incoming = values === null || values.length === 0 ? null : new Set(values);
    const existing = list.get(key);
    const written = spellEntry(field, key, incoming);
    if (existing === undefined && list.size >= tagQueryLimits.maxTagEntries) {
      return {
        expected: `at most ${tagQueryLimits.maxTagEntries} keys in ${field}`,
        found: `a key beyond the ${tagQueryLimits.maxTagEntries}th, ${written}`,
      };
    }
    const merged = existing === undefined ? incoming : merge(mergeModes[field], existing.values, incoming);
    if (merged !== null && merged.size === 0) {
      return {
        expected: `a requirement compatible with ${spellEntry(field, key, existing!.values)} (${existing!.origin.where})`,
        found: `${written}, which contradicts it${field === 'not_tags' ? ' (the group would always hold)' : ''}`,
      };
    }
    if (merged !== null && merged.size > tagQueryLimits.maxTagValues) {
      return {
        expected: `at most ${tagQueryLimits.maxTagValues} values for key ${spellRequirement(key, null, true)} in ${field}`,
        found: `${written}, which makes ${merged.size}`,
      };
    }
    const clash = this.#clash(field, key, merged);
    if (clash !== undefined) {
      return {
        expected: `a requirement compatible with ${spellEntry(clash.field, key, clash.entry.values)} (${clash.entry.origin.where})`,
        found: `${written}, which contradicts it`,
      };
    }
    if (existing === undefined) list.set(key, { key, values: merged, origin });
    else existing.values = merged;
    return undefined;
  }

  /**
   * A top-level key both required and excluded: `env,!env`, or `env=a,env!=a` (every allowed
   * value excluded). Nothing could match, so the selector is refused.
   */
  #clash(
    field: TagListField,
    key: string,
    merged: Set<string> | null,
  ): { field: TagListField; entry: MergedEntry } | undefined {
    if (field !== 'tags' && field !== 'not_tags_any') return undefined;
    const otherField = field === 'tags' ? 'not_tags_any' : 'tags';
    const other = this.#lists[otherField].get(key);
    if (other === undefined) return undefined;
    const required = field === 'tags' ? merged : other.values;
    const excluded = field === 'tags' ? other.values : merged;
    const contradicts =
      excluded === null || (required !== null && [...required].every((v) => excluded.has(v)));
    return contradicts ? { field: otherField, entry: other } : undefined;
  }

  /** The wire query: lists in reference order, entries sorted by key, values sorted. */
  toQuery(): TagQuery {
    const query: TagQuery = {};
    for (const field of ['tags', 'tags_any', 'not_tags', 'not_tags_any'] as const) {
      const list = this.#lists[field];
      if (list.size === 0) continue;
      query[field] = [...list.values()]
        .sort((a, b) => compareText(a.key, b.key))
        .map((entry): Tag => ({ key: entry.key, values: sortedValues(entry.values) ?? [] }));
    }
    return query;
  }
}

function merge(
  mode: 'intersect' | 'union',
  a: Set<string> | null,
  b: Set<string> | null,
): Set<string> | null {
  if (mode === 'intersect') {
    if (a === null) return b;
    if (b === null) return a;
    return new Set([...a].filter((v) => b.has(v)));
  }
  if (a === null || b === null) return null;
  return new Set([...a, ...b]);
}
