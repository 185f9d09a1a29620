import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TagQueryValidationError } from '../src/errors.js';
import { validateTagQuery } from '../src/validate.js';

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
});
