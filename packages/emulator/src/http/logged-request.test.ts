import { describe, expect, it } from 'vitest';
import { keptBody } from './logged-request.js';

const none = Buffer.alloc(0);

describe('keptBody', () => {
  it('copies a slice of a shared buffer into its own bytes, so the log does not keep the rest', () => {
    const slab = Buffer.alloc(8192, 1);
    const body = slab.subarray(100, 400);
    body.write('{"action":"filter"}');
    const kept = keptBody(body, none);
    expect(kept.equals(body)).toBe(true);
    expect(kept.buffer.byteLength).toBe(300);
  });

  it('keeps a buffer of its own as it is, and no body past the logged size', () => {
    const own = Buffer.from(new Uint8Array(Buffer.from('{"a":1}')).buffer);
    expect(keptBody(own, none)).toBe(own);
    expect(keptBody(Buffer.allocUnsafeSlow(64 * 1024 + 1), none)).toBe(none);
    expect(keptBody(Buffer.alloc(0), none)).toBe(none);
  });
});
