import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { timeOfMicros } from '../data/generate-data.js';
import { microsOfNormalTime, normalizeTime } from './item-fields.js';

describe('normalizeTime', () => {
  it.each([
    ['2017-04-18T01:21:52.701973', '2017-04-18T01:21:52.701973'],
    ['2017-04-18T01:21:52.7', '2017-04-18T01:21:52.700000'],
    ['2017-04-18T01:21:52', '2017-04-18T01:21:52.000000'],
    ['2017-04-18T01:21:52.1234567Z', '2017-04-18T01:21:52.123456'],
    ['2017-04-18T01:21:52+00:00', '2017-04-18T01:21:52.000000'],
    ['yesterday', 'yesterday'],
    [undefined, ''],
    [null, ''],
  ])('%s → %s', (input, expected) => {
    expect(normalizeTime(input)).toBe(expected);
  });
});

// Any instant from 1970 to June 2255 (2^53 µs), and some near the ends of that range.
const instant = fc.oneof(
  fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
  fc.integer({ min: 0, max: 86_400_000_000 * 2 }),
  fc.integer({ min: Number.MAX_SAFE_INTEGER - 86_400_000_000 * 2, max: Number.MAX_SAFE_INTEGER }),
);

describe('microsOfNormalTime (fast-check)', () => {
  it('reads back what the generator writes, and the text order is the numeric order', () => {
    fc.assert(
      fc.property(instant, instant, (a, b) => {
        const ta = timeOfMicros(a);
        const tb = timeOfMicros(b);
        expect(microsOfNormalTime(ta)).toBe(a);
        expect(microsOfNormalTime(tb)).toBe(b);
        expect(Math.sign(a - b)).toBe(ta < tb ? -1 : ta > tb ? 1 : 0);
      }),
      { numRuns: 2000 },
    );
  });

  it('maps a text to microseconds only when writing them back gives the same text', () => {
    // Texts near the normal form: a digit changed, a separator moved, a field past its range.
    const nearly = fc
      .tuple(instant, fc.nat({ max: 25 }), fc.constantFrom('0', '1', '2', '3', '5', '9', 'x', '-', ' ', ':'))
      .map(([micros, at, c]) => {
        const text = timeOfMicros(micros);
        return text.slice(0, at) + c + text.slice(at + 1);
      });
    fc.assert(
      fc.property(fc.oneof(nearly, fc.string({ minLength: 26, maxLength: 26 })), (text) => {
        const micros = microsOfNormalTime(text);
        if (micros >= 0) expect(timeOfMicros(micros)).toBe(text);
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    ['2017-02-29T00:00:00.000000', -1],
    ['2016-02-29T00:00:00.000000', Date.UTC(2016, 1, 29) * 1000],
    ['2017-04-31T00:00:00.000000', -1],
    ['2017-13-01T00:00:00.000000', -1],
    ['2017-01-01T24:00:00.000000', -1],
    ['2017-01-01T00:60:00.000000', -1],
    ['2017-01-01T00:00:60.000000', -1],
    ['1969-12-31T23:59:59.999999', -1],
    ['1970-01-01T00:00:00.000000', 0],
    ['2256-01-01T00:00:00.000000', -1],
    ['2017-04-18T01:21:52.7', -1],
    ['2017-04-18T01:21:52.70197Z', -1],
  ])('%s → %d', (text, expected) => {
    expect(microsOfNormalTime(text)).toBe(expected);
  });
});
