import { PooledBody, pooledBuffer, pooledCopy, returnBuffer, sizeClassOf } from './pooled-body.js';

/**
 * A response body built as UTF-8 bytes in one reused scratch buffer, then copied out once.
 * Pages are written piece by piece — pre-encoded pieces, ids, digits — so no page-sized
 * string is built, flattened and encoded again on the way to the socket (a profile of
 * first-time pages showed those three steps costing more than producing the text).
 */
export class JsonBytes {
  #buf: Buffer;
  #view: DataView;
  #pos = 0;
  readonly #pooled: boolean;

  /**
   * `pooled`: the scratch buffer is itself a pooled one, handed over whole by `takePooled`
   * when the body fills its size class (a fresh one taken for the next body), so a page is
   * not copied once more on its way out.
   */
  constructor(initialBytes = 1 << 20, options: { pooled?: boolean } = {}) {
    this.#pooled = options.pooled ?? false;
    this.#buf = this.#pooled ? pooledBuffer(initialBytes) : Buffer.allocUnsafe(initialBytes);
    this.#view = viewOf(this.#buf);
  }

  /** Starts a new body (the scratch buffer is kept). */
  reset(): this {
    this.#pos = 0;
    return this;
  }

  #room(bytes: number): void {
    if (this.#pos + bytes <= this.#buf.length) return;
    let size = this.#buf.length * 2;
    while (size < this.#pos + bytes) size *= 2;
    const next = this.#pooled ? pooledBuffer(size) : Buffer.allocUnsafe(size);
    this.#buf.copy(next, 0, 0, this.#pos);
    if (this.#pooled) returnBuffer(this.#buf);
    this.#buf = next;
    this.#view = viewOf(next);
  }

  /** Text of any characters, encoded as UTF-8. */
  text(text: string): void {
    this.#room(text.length * 3);
    this.#pos += this.#buf.write(text, this.#pos, 'utf8');
  }

  /** Text known to be ASCII (ids, times, generated names): one byte a character. */
  ascii(text: string): void {
    this.#room(text.length);
    this.#pos += this.#buf.write(text, this.#pos, 'latin1');
  }

  bytes(bytes: Uint8Array): void {
    const length = bytes.length;
    this.#room(length);
    // Most pieces are a few bytes long, where a loop beats the call into `set`.
    if (length < 48) {
      const buf = this.#buf;
      let pos = this.#pos;
      for (let i = 0; i < length; i++) buf[pos++] = bytes[i]!;
      this.#pos = pos;
      return;
    }
    this.#buf.set(bytes, this.#pos);
    this.#pos += length;
  }

  byte(code: number): void {
    this.#room(1);
    this.#buf[this.#pos++] = code;
  }

  /** A non-negative integer in decimal. */
  uint(value: number): void {
    if (value < 10) {
      this.byte(48 + value);
      return;
    }
    this.ascii(String(value));
  }

  /**
   * The buffer, with room for `bytes` more from `length` on, for a writer that keeps its own
   * position and then hands it back with `moveTo` (one capacity check per backup, not per piece).
   */
  room(bytes: number): Buffer {
    this.#room(bytes);
    return this.#buf;
  }

  /**
   * A DataView of the buffer `room` gave, for writers that store 16- and 32-bit words (see
   * data/byte-writing.ts): valid until the next `room`, `reserve` or write that grows it.
   */
  get view(): DataView {
    return this.#view;
  }

  /** Sets the end of the body to `position`, written through the buffer `room` gave. */
  moveTo(position: number): void {
    if (position < 0 || position > this.#buf.length)
      throw new RangeError(`position ${position} is outside the body`);
    this.#pos = position;
  }

  /** Room for `length` bytes written directly; returns the buffer and the offset. */
  reserve(length: number): [Buffer, number] {
    this.#room(length);
    const at = this.#pos;
    this.#pos += length;
    return [this.#buf, at];
  }

  get length(): number {
    return this.#pos;
  }

  /** The body so far, as its own Buffer (the scratch buffer is reused by the next body). */
  take(): Buffer {
    return Buffer.from(this.#buf.subarray(0, this.#pos));
  }

  /** The body so far in a pooled buffer, to be released once written. */
  takePooled(): PooledBody {
    if (!this.#pooled) return pooledCopy(this.#buf, this.#pos);
    const size = sizeClassOf(this.#pos);
    let body: PooledBody;
    if (size === this.#buf.length) {
      body = new PooledBody(this.#buf, this.#pos);
      this.#buf = pooledBuffer(size);
    } else {
      // A body of a smaller class than the scratch is copied into a buffer of its own class:
      // a buffer in flight is never much larger than its body. A scratch much larger than
      // the body (after a page of 1000) shrinks to the body's class; one a little larger is
      // kept, since shrinking and growing again would fill the free lists with small buffers.
      body = pooledCopy(this.#buf, this.#pos);
      if (this.#buf.length > 4 * size) {
        returnBuffer(this.#buf);
        this.#buf = pooledBuffer(size);
      }
    }
    this.#view = viewOf(this.#buf);
    this.#pos = 0;
    return body;
  }

  /** The body so far as a string. */
  toString(): string {
    return this.#buf.toString('utf8', 0, this.#pos);
  }
}

const viewOf = (buf: Buffer) => new DataView(buf.buffer, buf.byteOffset, buf.byteLength);

/** Pre-encoded UTF-8 of a constant piece. */
export const utf8 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));
