import type { TagQuery } from '@csbs-kit/models';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesTagQuery, type TaggedResource } from '../src/evaluate.js';
import { backupArb, smallTagQueryArb, tagQueryArb } from './support/arbitraries.js';

/**
 * The reference's rules, read as literally as possible and written without sharing code
 * with the evaluator: an entry matches when the resource has a tag with that key and (the
 * values list is empty, or the tag's value is in the list); `tags` ALL, `tags_any` ANY,
 * `not_tags` excludes a resource matching ALL entries, `not_tags_any` one matching ANY;
 * `matches` on resource_name: empty value = exact, else case-insensitive substring.
 */
function naiveMatches(query: TagQuery, resource: TaggedResource): boolean {
  const tags = resource.tags ?? [];
  const name = resource.name ?? '';
  const entryHolds = (entry: { key: string; values: string[] }) =>
    tags
      .filter((tag) => tag.key === entry.key)
      .some((tag) => entry.values.length === 0 || entry.values.indexOf(tag.value ?? '') !== -1);
  let verdict = true;
  if (query.tags !== undefined) verdict &&= query.tags.filter(entryHolds).length === query.tags.length;
  if (query.tags_any !== undefined) verdict &&= query.tags_any.filter(entryHolds).length > 0;
  if (query.not_tags !== undefined)
    verdict &&= query.not_tags.filter(entryHolds).length !== query.not_tags.length;
  if (query.not_tags_any !== undefined) verdict &&= query.not_tags_any.filter(entryHolds).length === 0;
  for (const match of query.matches ?? []) {
    if (match.value === '') verdict &&= name === '';
    else verdict &&= name.toLowerCase().indexOf(match.value.toLowerCase()) !== -1;
  }
  return verdict;
}

/** Queries built from the resource's own keys and values, so that about half of them match. */
function nearbyQueryArb(resource: TaggedResource): fc.Arbitrary<TagQuery> {
  const tags = resource.tags ?? [];
  const keys = [...new Set(tags.map((tag) => tag.key)), 'absent'];
  const values = [...new Set(tags.map((tag) => tag.value ?? '')), 'other'];
  const entry = fc.record({
    key: fc.constantFrom(...keys),
    values: fc.uniqueArray(fc.constantFrom(...values), { maxLength: 2 }),
  });
  const list = fc.uniqueArray(entry, { minLength: 1, maxLength: 3, selector: (e) => e.key });
  const name = resource.name ?? '';
  const match = fc.record({
    key: fc.constant('resource_name' as const),
    value: fc.oneof(
      fc.constant(''),
      fc.constant(name.slice(1, 3).toUpperCase()),
      fc.string({ maxLength: 2 }),
    ),
  });
  return fc
    .record(
      {
        tags: list,
        tags_any: list,
        not_tags: list,
        not_tags_any: list,
        matches: fc.array(match, { maxLength: 1 }),
      },
      { requiredKeys: [] },
    )
    .map((query) => Object.fromEntries(Object.entries(query).slice(0, 3)));
}

describe('matchesTagQuery', () => {
  it('agrees with a naive reading of the spec on queries near the resource', () => {
    let matched = 0;
    const pairArb = backupArb('x').chain((resource) =>
      fc.tuple(nearbyQueryArb(resource), fc.constant(resource)),
    );
    fc.assert(
      fc.property(pairArb, ([query, resource]) => {
        const expected = naiveMatches(query, resource);
        if (expected) matched++;
        expect(matchesTagQuery(query, resource)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
    expect(matched).toBeGreaterThan(150);
    expect(matched).toBeLessThan(2850);
  });

  it('agrees with a naive reading of the spec on random queries', () => {
    let matched = 0;
    fc.assert(
      fc.property(fc.oneof(tagQueryArb, smallTagQueryArb), backupArb('x'), (query, resource) => {
        const expected = naiveMatches(query, resource);
        if (expected) matched++;
        expect(matchesTagQuery(query, resource)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
    // The data must exercise both outcomes, or the agreement says little.
    expect(matched).toBeGreaterThan(50);
  });
});
