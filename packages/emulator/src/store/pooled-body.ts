/**
 * Response bodies in buffers that are used again once written. A first-time page is a fresh
 * ~200 KB body per request; allocated each time, those Buffers are external memory that
 * makes V8 run collections over the heap of a million backups, and each one is zero-filled
 * first. The pool keeps a bounded number of written-out buffers by size class instead.
 */

/** Buffers come in powers of two from this size, so a freed one fits the next body of its class. */
const smallestClass = 64 * 1024;
/** Bodies larger than this are not pooled (a page of 1000 backups is ~2.2 MB). */
const largestClass = 4 * 1024 * 1024;
/** The most bytes the free lists hold, whatever the classes: bounded, a little above 32 bodies in flight. */
const maxFreeBytes = 16 * 1024 * 1024;

const free = new Map<number, Buffer[]>();
let freeBytes = 0;

function classOf(length: number): number {
  let size = smallestClass;
  while (size < length) size *= 2;
  return size;
}

/** A body in a pooled buffer: `bytes` until `release`, after which the buffer may hold another body. */
export class PooledBody {
  readonly bytes: Buffer;
  #backing: Buffer | undefined;

  constructor(backing: Buffer, length: number) {
    this.#backing = backing;
    this.bytes = backing.subarray(0, length);
  }

  /** Gives the buffer back: call once the body has been written out (the socket's write is done). */
  release(): void {
    const backing = this.#backing;
    if (backing === undefined) return;
    this.#backing = undefined;
    returnBuffer(backing);
  }
}

/** A buffer of `length` bytes' size class, from the free list when it holds one; not zero-filled. */
export function pooledBuffer(length: number): Buffer {
  const size = classOf(length);
  const backing = size <= largestClass ? free.get(size)?.pop() : undefined;
  if (backing === undefined) return Buffer.allocUnsafeSlow(size);
  freeBytes -= size;
  return backing;
}

/** Puts a buffer of `pooledBuffer` on its free list (if there is room), for the next body of its class. */
export function returnBuffer(backing: Buffer): void {
  const size = backing.length;
  if (size > largestClass || freeBytes + size > maxFreeBytes) return;
  let list = free.get(size);
  if (list === undefined) {
    list = [];
    free.set(size, list);
  }
  list.push(backing);
  freeBytes += size;
}

/** A copy of `source[0, length)` in a pooled buffer. */
export function pooledCopy(source: Uint8Array, length: number): PooledBody {
  const backing = pooledBuffer(length);
  backing.set(source.subarray(0, length), 0);
  return new PooledBody(backing, length);
}

/** The size class of a body of `length` bytes: the length of its pooled buffer. */
export const sizeClassOf = (length: number): number => classOf(length);

/** Bytes held by the free lists (for tests). */
export function pooledFreeBytes(): number {
  return freeBytes;
}

/** An answer's body: JSON text, a ready Buffer (a cached answer), or a pooled page. */
export type ResponseBody = PooledBody | Buffer | string;
