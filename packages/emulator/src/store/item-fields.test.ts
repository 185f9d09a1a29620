import { describe, expect, it } from 'vitest';
import { normalizeTime } from './item-fields.js';

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
