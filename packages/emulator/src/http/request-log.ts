import type { LoggedRequest } from '../types.js';

/** The last `capacity` requests, oldest first: a ring buffer, so memory stays bounded. */
export class RequestLog {
  readonly #entries: (LoggedRequest | undefined)[];
  #next = 0;
  #count = 0;

  constructor(readonly capacity: number) {
    this.#entries = new Array(capacity);
  }

  add(entry: LoggedRequest): void {
    if (this.capacity === 0) return;
    this.#entries[this.#next] = entry;
    this.#next = (this.#next + 1) % this.capacity;
    this.#count = Math.min(this.#count + 1, this.capacity);
  }

  entries(): LoggedRequest[] {
    const out: LoggedRequest[] = [];
    const start = (this.#next - this.#count + this.capacity) % this.capacity;
    for (let i = 0; i < this.#count; i++)
      out.push(structuredClone(this.#entries[(start + i) % this.capacity]!));
    return out;
  }

  clear(): void {
    this.#entries.fill(undefined);
    this.#next = 0;
    this.#count = 0;
  }
}
