import type { Tag, TagQuery } from '@csbs-kit/models';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SelectorFormatError, SelectorSyntaxError } from '../src/errors.js';
import { formatSelector } from '../src/selector/format.js';
import { parseSelector } from '../src/selector/parser.js';
import { validateTagQuery } from '../src/validate.js';

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The query with entries sorted by key and values sorted: the order the parser returns. */
function sorted(query: TagQuery): TagQuery {
  const out: TagQuery = {};
  for (const field of ['tags', 'tags_any', 'not_tags', 'not_tags_any'] as const) {
    const list = query[field];
    if (list) {
      out[field] = [...list]
        .map((entry): Tag => ({ key: entry.key, values: [...entry.values].sort(byText) }))
        .sort((a, b) => byText(a.key, b.key));
    }
  }
  return out;
}

/** Keys and values as a normalised query holds them: any characters, no surrounding spaces. */
const trimmed = (arb: fc.Arbitrary<string>) => arb.filter((s) => s === s.trim());
const keyArb = trimmed(
  fc.oneof(
    fc.constantFrom('env', 'tier', 'any', 'in', 'notin', 'a.b/c', '-', 'x y', '"', '\\', 'é', '😀'),
    fc.string({ minLength: 1, maxLength: 6, unit: 'grapheme-ascii' }),
    fc.string({ minLength: 1, maxLength: 4, unit: 'binary' }),
  ),
).filter((s) => s.length > 0);
const valueArb = trimmed(
  fc.oneof(
    fc.constantFrom('', 'prod', 'a b', '*value1', ',', ')', '"', '\\', '\u0000', 'in'),
    fc.string({ maxLength: 6, unit: 'grapheme-ascii' }),
    fc.string({ maxLength: 4, unit: 'binary' }),
  ),
);
const listArb = fc.uniqueArray(
  fc.record({ key: keyArb, values: fc.uniqueArray(valueArb, { maxLength: 10 }) }),
  { minLength: 1, maxLength: 10, selector: (entry) => entry.key },
);
const queryArb: fc.Arbitrary<TagQuery> = fc.record(
  { tags: listArb, tags_any: listArb, not_tags: listArb, not_tags_any: listArb },
  { requiredKeys: [] },
);

/** Selector-like text: tokens of the grammar, glued with a little noise. */
const fragmentArb = fc.oneof(
  fc.constantFrom(
    'env',
    'tier',
    'any',
    'in',
    'notin',
    '=',
    '==',
    '!=',
    '!',
    '(',
    ')',
    ',',
    ' ',
    '"a b"',
    '""',
    '"\\"',
    '"\\u00',
    '\\',
    'x',
  ),
  fc.string({ maxLength: 3 }),
);
const selectorLikeArb = fc.array(fragmentArb, { maxLength: 14 }).map((parts) => parts.join(''));

describe('parseSelector and formatSelector', () => {
  it('parse(format(q)) equals q (in sorted order) for every expressible valid q', () => {
    let formatted = 0;
    fc.assert(
      fc.property(queryArb, (query) => {
        let text: string;
        try {
          text = formatSelector(query);
        } catch (error) {
          // Only a key both required and excluded (tags vs not_tags_any) is not expressible.
          expect(SelectorFormatError.isInstance(error)).toBe(true);
          const excluded = new Set((query.not_tags_any ?? []).map((e) => e.key));
          expect((query.tags ?? []).some((e) => excluded.has(e.key))).toBe(true);
          return;
        }
        formatted++;
        expect(parseSelector(text)).toEqual(sorted(query));
      }),
      { numRuns: 400 },
    );
    expect(formatted).toBeGreaterThan(200);
  });

  it('formatting is canonical: format(parse(s)) is a fixed point', () => {
    fc.assert(
      fc.property(queryArb, (query) => {
        let text: string;
        try {
          text = formatSelector(query);
        } catch {
          return;
        }
        expect(formatSelector(parseSelector(text))).toBe(text);
      }),
      { numRuns: 200 },
    );
  });

  it('any string either parses to a valid query or fails with a SelectorSyntaxError', () => {
    const check = (text: string) => {
      let query: TagQuery;
      try {
        query = parseSelector(text);
      } catch (error) {
        expect(SelectorSyntaxError.isInstance(error)).toBe(true);
        const { column } = error as SelectorSyntaxError;
        expect(Number.isInteger(column) && column >= 1 && column <= [...text].length + 1).toBe(true);
        return;
      }
      expect(validateTagQuery(query)).toEqual(query);
      // What parses is expressible, and formatting it is stable.
      expect(parseSelector(formatSelector(query))).toEqual(query);
    };
    fc.assert(fc.property(fc.string({ maxLength: 40, unit: 'binary' }), check), { numRuns: 300 });
    fc.assert(fc.property(selectorLikeArb, check), { numRuns: 1000 });
  });
});
