import { describe, expect, it } from 'vitest';
import { pooledCopy, pooledFreeBytes } from './pooled-body.js';

const bytesOf = (text: string) => new Uint8Array(Buffer.from(text));

describe('pooled bodies', () => {
  it('copies the body and gives a released buffer to the next body of its size class', () => {
    const first = pooledCopy(bytesOf('{"a":1}xxxx'), 7);
    expect(first.bytes.toString()).toBe('{"a":1}');
    const backing = first.bytes.buffer;
    first.release();
    const second = pooledCopy(bytesOf('{"b":22}'), 8);
    expect(second.bytes.buffer).toBe(backing);
    expect(second.bytes.toString()).toBe('{"b":22}');
    second.release();
  });

  it('never lends one buffer to two bodies at once, and a second release is ignored', () => {
    const a = pooledCopy(bytesOf('aaaa'), 4);
    const b = pooledCopy(bytesOf('bbbb'), 4);
    expect(a.bytes.buffer).not.toBe(b.bytes.buffer);
    a.release();
    const held = pooledFreeBytes();
    a.release();
    expect(pooledFreeBytes()).toBe(held);
    expect(b.bytes.toString()).toBe('bbbb');
    b.release();
  });

  it('keeps at most 16 MiB of free buffers', () => {
    const bodies = Array.from({ length: 40 }, () => pooledCopy(new Uint8Array(600 * 1024), 600 * 1024));
    for (const body of bodies) body.release();
    expect(pooledFreeBytes()).toBeLessThanOrEqual(16 * 1024 * 1024);
    expect(pooledFreeBytes()).toBeGreaterThan(0);
  });
});
