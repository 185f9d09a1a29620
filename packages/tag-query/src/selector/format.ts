import type { TagQuery } from '@csbs-kit/models';
import { SelectorFormatError } from '../errors.js';
import { validateTagQuery } from '../validate.js';
import { RequirementSet } from './requirements.js';
import { compareText, spellRequirement } from './spelling.js';

/**
 * The canonical selector of a query: top-level requirements sorted by key (a key's positive
 * requirement before its negative one), values sorted, `env=prod` for one value and
 * `env in (a,b)` for several, then `any(...)` and `!(...)`. `parseSelector` reads it back
 * to an equal query (entries and values in sorted order).
 *
 * @throws TagQueryValidationError when the query is not valid.
 * @throws SelectorFormatError when no selector says exactly the same: the query uses
 *   `matches`, or requires and excludes one key in a way the syntax refuses (`env,!env`).
 */
export function formatSelector(query: TagQuery): string {
  const valid = validateTagQuery(query);
  if (valid.matches && valid.matches.length > 0) {
    throw new SelectorFormatError('matches', 'a selector has no name search; send `matches` beside it');
  }
  const set = new RequirementSet();
  for (const field of ['tags', 'tags_any', 'not_tags', 'not_tags_any'] as const) {
    valid[field]?.forEach((entry, index) => {
      const conflict = set.add(field, entry.key, entry.values, { where: `${field}[${index}]` });
      if (conflict !== undefined) {
        throw new SelectorFormatError(
          `${field}[${index}]`,
          `expected ${conflict.expected}, found ${conflict.found}`,
        );
      }
    });
  }
  const canonical = set.toQuery();
  const top = [
    ...(canonical.tags ?? []).map((entry) => ({ entry, positive: true })),
    ...(canonical.not_tags_any ?? []).map((entry) => ({ entry, positive: false })),
  ].sort(
    (a, b) => compareText(a.entry.key, b.entry.key) || (a.positive === b.positive ? 0 : a.positive ? -1 : 1),
  );
  const parts = top.map(({ entry, positive }) => spellRequirement(entry.key, entry.values, positive));
  const group = (entries: TagQuery['tags']) =>
    (entries ?? []).map((entry) => spellRequirement(entry.key, entry.values, true)).join(',');
  if (canonical.tags_any) parts.push(`any(${group(canonical.tags_any)})`);
  if (canonical.not_tags) parts.push(`!(${group(canonical.not_tags)})`);
  return parts.join(',');
}
