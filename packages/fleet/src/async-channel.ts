/**
 * A bounded queue between producers (one per project being walked) and one consumer: a
 * producer's `push` waits while `capacity` values are unread, so a slow consumer holds the
 * walks back instead of letting pages pile up in memory.
 */
export class AsyncChannel<T> {
  readonly #capacity: number;
  readonly #values: T[] = [];
  #takers: ((r: IteratorResult<T, undefined>) => void)[] = [];
  #spaceWaiters: (() => void)[] = [];
  #closed = false;

  constructor(capacity: number) {
    this.#capacity = Math.max(1, capacity);
  }

  async push(value: T): Promise<void> {
    while (!this.#closed && this.#values.length >= this.#capacity && this.#takers.length === 0) {
      await new Promise<void>((resolve) => this.#spaceWaiters.push(resolve));
    }
    if (this.#closed) return;
    const taker = this.#takers.shift();
    if (taker) taker({ value, done: false });
    else this.#values.push(value);
  }

  /** No more values; waiting takers end, waiting producers return. */
  close(): void {
    this.#closed = true;
    for (const t of this.#takers.splice(0)) t({ value: undefined, done: true });
    for (const w of this.#spaceWaiters.splice(0)) w();
  }

  take(): Promise<IteratorResult<T, undefined>> {
    if (this.#values.length > 0) {
      const value = this.#values.shift() as T;
      this.#spaceWaiters.shift()?.();
      return Promise.resolve({ value, done: false });
    }
    if (this.#closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => this.#takers.push(resolve));
  }
}
