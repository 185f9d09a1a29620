import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonStringEnd } from '../src/json-text.js';

describe('jsonStringEnd', () => {
  it('ends every JSON.stringify-written string where its literal ends, whatever follows', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string(), fc.string(), (value, before, after) => {
        const literal = JSON.stringify(value);
        const text = `${JSON.stringify(before)},${literal},${JSON.stringify(after)}`;
        const start = JSON.stringify(before).length + 1;
        expect(jsonStringEnd(text, start)).toBe(start + literal.length);
      }),
    );
  });

  it('counts the backslashes before a quote: an even run ends the string, an odd run does not', () => {
    const text = String.raw`"a\\" "b\"c" "d\\\\"`;
    expect(jsonStringEnd(text, 0)).toBe(5);
    expect(jsonStringEnd(text, 6)).toBe(12);
    expect(jsonStringEnd(text, 13)).toBe(text.length);
  });

  it('gives the text length for an unterminated literal instead of throwing', () => {
    expect(jsonStringEnd('"abc', 0)).toBe(4);
  });
});
