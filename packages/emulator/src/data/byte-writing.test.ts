import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  putHex4,
  putPiece,
  putRun,
  putTime,
  putUint,
  putUuid,
  runOf,
  slack,
  timeSlot,
  uuidSlot,
  wordsOf,
} from './byte-writing.js';
import { listingTimeOfMicros, uuidFrom } from './flat-strings.js';

/** A buffer of `fill` bytes, `text` written at `at` by `write`, read back from `at` to the returned end. */
function written(write: (buf: Uint8Array, view: DataView, at: number) => number, at: number): string {
  const buf = Buffer.alloc(at + 64 + slack, 0x7e);
  const end = write(buf, new DataView(buf.buffer, buf.byteOffset, buf.byteLength), at);
  return buf.toString('latin1', at, end);
}

// Every writer at every alignment: the word stores are unaligned.
const at = fc.integer({ min: 0, max: 7 });

describe('byte writers', () => {
  it('putRun copies short (8-byte words) and long (set) runs exactly', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 100 }), at, (text, p) => {
        expect(written((buf, view, q) => putRun(buf, view, q, runOf(text)), p)).toBe(text);
      }),
    );
  });

  it('putPiece copies any bytes by 8-byte words, NaN patterns included', () => {
    // A quiet and a signalling NaN with payloads, in both byte orders, among random bytes.
    const nans = [
      [1, 0, 0, 0, 0, 0, 0xf8, 0x7f],
      [0x7f, 0xf0, 0, 0, 0, 0, 0, 1],
      [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xf7, 0xff],
    ].map((b) => new Uint8Array(b));
    const bytes = fc
      .array(fc.oneof(fc.uint8Array({ maxLength: 24 }), fc.constantFrom(...nans)), { maxLength: 6 })
      .map((parts) => new Uint8Array(parts.flatMap((part) => [...part])));
    fc.assert(
      fc.property(bytes, at, (source, p) => {
        const buf = Buffer.alloc(p + source.length + slack, 0x7e);
        const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
        expect(putPiece(view, p, wordsOf(source), 0, source.length)).toBe(p + source.length);
        expect([...buf.subarray(p, p + source.length)]).toEqual([...source]);
      }),
      { numRuns: 300 },
    );
  });

  it('putUint writes decimal digits of any non-negative integer', () => {
    const values = fc.oneof(
      fc.integer({ min: 0, max: 20_000 }),
      fc.nat(),
      fc.integer({ min: 0, max: 2 ** 53 - 1 }),
    );
    fc.assert(
      fc.property(values, at, (value, p) => {
        expect(written((buf, view, q) => putUint(buf, view, q, value), p)).toBe(String(value));
      }),
    );
  });

  it('putTime fills a time slot as listingTimeOfMicros', () => {
    const micros = fc.integer({ min: 0, max: 9_000_000_000_000_000 });
    fc.assert(
      fc.property(micros, micros, at, (a, b, p) => {
        // Two times: the second on the day cached by the first, or another day.
        for (const m of [a, b, a + 1, a - (a % 86_400_000_000)]) {
          const text = written((buf, view, q) => {
            const end = putRun(buf, view, q, runOf(timeSlot));
            putTime(view, q, Float64Array.of(0, m), 1);
            return end;
          }, p);
          expect(text).toBe(listingTimeOfMicros(m));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('putUuid fills a uuid slot as uuidFrom of the same words', () => {
    const word = fc.integer({ min: 0, max: 0xffffffff });
    fc.assert(
      fc.property(fc.tuple(word, word, word, word), at, (words, p) => {
        let i = 0;
        const expected = uuidFrom(() => words[i++]! / 4294967296);
        const text = written((buf, view, q) => {
          const end = putRun(buf, view, q, runOf(uuidSlot));
          putUuid(view, q, Uint32Array.of(0, ...words), 1);
          return end;
        }, p);
        expect(text).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('putHex4 writes four hex digits, low nibble first', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffff }), at, (value, p) => {
        const expected = [0, 4, 8, 12].map((shift) => ((value >> shift) & 15).toString(16)).join('');
        expect(
          written((_buf, view, q) => {
            putHex4(view, q, value);
            return q + 4;
          }, p),
        ).toBe(expected);
      }),
    );
  });
});
