import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCount, formatListingTime, formatSizeMb } from './human.js';

describe('formatSizeMb', () => {
  it.each([
    [0, '0 MB'],
    [512, '512 MB'],
    [1023, '1023 MB'],
    [1024, '1 GB'],
    [1536, '1.5 GB'],
    [20480, '20 GB'],
    [153600, '150 GB'],
    [1048576, '1 TB'],
    ['2048', '2 GB'],
  ])('%j MB is %s', (size, text) => {
    expect(formatSizeMb(size)).toBe(text);
  });

  it('shows what it cannot read as given', () => {
    expect(formatSizeMb(null)).toBe('');
    expect(formatSizeMb(undefined)).toBe('');
    expect(formatSizeMb('n/a')).toBe('n/a');
    expect(formatSizeMb(-1)).toBe('-1');
  });

  it('always gives a number and a unit for a size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), (mb) => {
        expect(formatSizeMb(mb)).toMatch(/^\d+(\.\d)? (MB|GB|TB|PB)$/);
      }),
    );
  });
});

describe('formatListingTime', () => {
  it('shows listing times to the minute, in UTC', () => {
    expect(formatListingTime('2017-04-18T01:21:52.701973')).toBe('2017-04-18 01:21 UTC');
    expect(formatListingTime('2017-04-18T01:21:52')).toBe('2017-04-18 01:21 UTC');
    expect(formatListingTime('2017-04-18T01:21:52Z')).toBe('2017-04-18 01:21 UTC');
  });

  it('keeps other text, including times in another zone', () => {
    expect(formatListingTime('yesterday')).toBe('yesterday');
    expect(formatListingTime('2017-04-18T01:21:52+02:00')).toBe('2017-04-18T01:21:52+02:00');
    expect(formatListingTime(null)).toBe('');
  });
});

describe('formatCount', () => {
  it('groups thousands', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1000)).toBe('1,000');
    expect(formatCount(1234567)).toBe('1,234,567');
  });

  it('reads back as the same number', () => {
    fc.assert(
      fc.property(fc.nat(), (n) => {
        expect(Number(formatCount(n).replaceAll(',', ''))).toBe(n);
      }),
    );
  });
});
