import { resourceInstancesRequestSchema } from '@csbs-kit/models';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TagQueryValidationError } from '../src/errors.js';
import { normaliseTagQuery, validateTagQuery } from '../src/validate.js';
import { tagQueryArb } from './support/arbitraries.js';

const nearlyValidArb = fc.record(
  {
    tags: fc.array(
      fc.record(
        {
          key: fc.oneof(fc.string({ maxLength: 4 }), fc.anything()),
          values: fc.oneof(fc.array(fc.string({ maxLength: 3 }), { maxLength: 12 }), fc.anything()),
        },
        { requiredKeys: [] },
      ),
      { maxLength: 12 },
    ),
    not_tags_any: fc.anything(),
    matches: fc.array(
      fc.record({ key: fc.constantFrom('resource_name', 'name'), value: fc.string({ maxLength: 3 }) }),
    ),
    tag: fc.anything(),
  },
  { requiredKeys: [] },
);

describe('validateTagQuery on arbitrary input', () => {
  it('returns a query that validates to itself, or throws only TagQueryValidationError with paths', () => {
    const check = (input: unknown) => {
      let out: unknown;
      try {
        out = validateTagQuery(input);
      } catch (error) {
        expect(TagQueryValidationError.isInstance(error)).toBe(true);
        expect((error as TagQueryValidationError).issues.length).toBeGreaterThan(0);
        return;
      }
      expect(validateTagQuery(out)).toEqual(out);
    };
    fc.assert(fc.property(fc.anything(), check), { numRuns: 300 });
    fc.assert(fc.property(nearlyValidArb, check), { numRuns: 500 });
  });

  it('normalises the conditions of a parsed request body as validateTagQuery does the conditions alone', () => {
    const fields = ['tags', 'tags_any', 'not_tags', 'not_tags_any', 'matches'] as const;
    fc.assert(
      // Valid queries (tags with spaces to trim among them) and nearly valid ones.
      fc.property(
        fc.oneof(tagQueryArb, nearlyValidArb),
        fc.constantFrom('filter', 'count'),
        (raw, action) => {
          const { tag: _, ...conditions } = raw as Record<string, unknown>;
          const parsed = resourceInstancesRequestSchema.safeParse({ action, ...conditions });
          let alone: unknown;
          try {
            alone = validateTagQuery(conditions);
          } catch {
            // Invalid conditions: the body's parse fails too, so the request never gets here.
            expect(parsed.success).toBe(false);
            return;
          }
          expect(parsed.success).toBe(true);
          const picked: Record<string, unknown> = {};
          for (const field of fields)
            if (parsed.data![field] !== undefined) picked[field] = parsed.data![field];
          expect(normaliseTagQuery(picked)).toEqual(alone);
        },
      ),
      { numRuns: 500 },
    );
  });
});
