import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkpointItemsQueryToSearchParams,
  formatSort,
  isListingTime,
  listCheckpointItemsQueryFromSearchParams,
  parseSort,
  resourceInstancesRequestSchema,
  resourceTagSchema,
} from '../src/index.js';
import { filterRequest, listingQuery, sortText } from './arbitraries.js';
import { mutations } from './mutations.js';
import { issuesOf } from './support.js';

describe('tag-query requests', () => {
  it('every request that respects the rules is valid and comes back unchanged', () => {
    fc.assert(
      fc.property(filterRequest, (body) => {
        const parsed = resourceInstancesRequestSchema.safeParse(body);
        expect(parsed.success && parsed.data).toStrictEqual(body);
        const count = { ...body, action: 'count' };
        expect(issuesOf(resourceInstancesRequestSchema, count)).toEqual([]);
      }),
    );
  });

  it('breaking exactly one rule gives exactly one issue, at that field, with that rule', () => {
    fc.assert(
      fc.property(
        filterRequest,
        fc.constantFrom(...Object.keys(mutations)),
        fc.nat(),
        (valid, rule, pick) => {
          const body = structuredClone(valid);
          const expected = mutations[rule]?.(body, pick);
          expect(issuesOf(resourceInstancesRequestSchema, body)).toEqual([expected]);
        },
      ),
      // 14 rules share the runs, so take enough for each to meet many bodies.
      { numRuns: 400 },
    );
  });
});

describe('resource tags', () => {
  const allowed = fc.constantFrom(...'abcXYZ0189-_');
  it('a key of 1..36 and a value of 0..43 allowed characters is valid', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: allowed, minLength: 1, maxLength: 36 }),
        fc.string({ unit: allowed, maxLength: 43 }),
        (key, value) => {
          expect(issuesOf(resourceTagSchema, { key, value })).toEqual([]);
        },
      ),
    );
  });

  it('one character outside the set is named at its field', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: allowed, maxLength: 20 }),
        fc.constantFrom(' ', '.', '*', 'é', '/', '=', '一'),
        fc.constantFrom('key', 'value'),
        (text, bad, field) => {
          const tag = { key: 'k', value: 'v', [field]: `${text}${bad}` };
          expect(issuesOf(resourceTagSchema, tag)).toEqual([
            { path: field, message: 'only letters, digits, "-" and "_"' },
          ]);
        },
      ),
    );
  });
});

describe('listing sort', () => {
  it('parseSort reads what the grammar means, and formatSort writes a canonical equivalent', () => {
    fc.assert(
      fc.property(sortText, ({ text, fields }) => {
        const parsed = parseSort(text);
        expect(parsed).toEqual({ ok: true, fields });
        const formatted = formatSort(fields);
        expect(parseSort(formatted)).toEqual({ ok: true, fields });
        expect(formatSort(parsed.ok ? parsed.fields : [])).toBe(formatted);
      }),
    );
  });
});

describe('listing times', () => {
  const daysIn = (y: number, m: number) =>
    m === 2
      ? y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)
        ? 29
        : 28
      : [4, 6, 9, 11].includes(m)
        ? 30
        : 31;
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');

  it('a time is valid exactly when its date is on the calendar and its clock is on the dial', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 0, max: 61 }),
        fc.integer({ min: 0, max: 61 }),
        (y, mo, d, h, mi, s) => {
          const text = `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}`;
          const real = mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo) && h < 24 && mi < 60 && s < 60;
          expect(isListingTime(text)).toBe(real);
        },
      ),
    );
  });
});

describe('listing search parameters', () => {
  it('a valid query survives a trip through a URL', () => {
    fc.assert(
      fc.property(listingQuery, (query) => {
        const search = checkpointItemsQueryToSearchParams(query).toString();
        const back = listCheckpointItemsQueryFromSearchParams(new URLSearchParams(search));
        expect(back).toEqual({ ok: true, query });
      }),
    );
  });
});
