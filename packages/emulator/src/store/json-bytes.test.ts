import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonBytes } from './json-bytes.js';
import type { PooledBody } from './pooled-body.js';

/** A body of `length` bytes, all `fill`, written in pieces as pages are. */
function write(out: JsonBytes, length: number, fill: number): void {
  out.reset();
  const piece = new Uint8Array(1000).fill(fill);
  let left = length;
  while (left >= piece.length) {
    out.bytes(piece);
    left -= piece.length;
  }
  for (; left > 0; left--) out.byte(fill);
}

describe('JsonBytes, pooled', () => {
  it('hands out the same bodies as the plain one, none changed by the bodies written after it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 600_000 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.boolean(), { maxLength: 12 }),
        (lengths, releases) => {
          const pooled = new JsonBytes(64 * 1024, { pooled: true });
          const plain = new JsonBytes(64 * 1024);
          const held: { body: PooledBody; length: number; fill: number }[] = [];
          lengths.forEach((length, i) => {
            const fill = 1 + (i % 250);
            write(pooled, length, fill);
            write(plain, length, fill);
            const body = pooled.takePooled();
            const expected = plain.takePooled();
            expect(Buffer.compare(body.bytes, expected.bytes)).toBe(0);
            expected.release();
            // Some bodies are written out (released) before the next is made, some are in flight.
            if (releases[i]) body.release();
            else held.push({ body, length, fill });
          });
          for (const { body, length, fill } of held) {
            expect(body.bytes.length).toBe(length);
            expect(body.bytes.every((b) => b === fill)).toBe(true);
            body.release();
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('hands over its buffer when the body fills its class, and copies a smaller body after a larger one', () => {
    const out = new JsonBytes(64 * 1024, { pooled: true });
    write(out, 200_000, 7);
    const large = out.takePooled();
    // 200 000 bytes are the 256 KiB class: the buffer itself, no copy.
    expect(large.bytes.buffer.byteLength).toBe(256 * 1024);
    write(out, 100, 8);
    const small = out.takePooled();
    expect(small.bytes.buffer.byteLength).toBe(64 * 1024);
    expect(small.bytes.buffer).not.toBe(large.bytes.buffer);
    expect(large.bytes.every((b) => b === 7)).toBe(true);
    large.release();
    small.release();
  });
});
