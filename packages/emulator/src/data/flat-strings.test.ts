import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listingTimeOf, listingTimeOfMicros } from './flat-strings.js';

describe('listingTimeOfMicros', () => {
  it('formats like listingTimeOf through a Date (fast-check)', () => {
    // 1970 to 2255: microseconds stay exact integers in a double up to 2^53.
    const micros = fc
      .integer({ min: 0, max: 9_000_000_000_000 })
      .chain((ms) => fc.integer({ min: 0, max: 999 }).map((extra) => ms * 1000 + extra));
    fc.assert(
      fc.property(micros, (m) => {
        expect(listingTimeOfMicros(m)).toBe(listingTimeOf(Math.floor(m / 1000), m % 1000));
      }),
      { numRuns: 2000 },
    );
    expect(listingTimeOfMicros(Date.UTC(2024, 1, 29, 23, 59, 59, 999) * 1000 + 7)).toBe(
      '2024-02-29T23:59:59.999007',
    );
  });
});
