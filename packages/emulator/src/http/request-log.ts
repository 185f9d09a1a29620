import type { LoggedRequest } from '../types.js';
import { type LogRecord, loggedRequestOf } from './logged-request.js';

/** The last `capacity` requests, oldest first: a ring buffer, so memory stays bounded. */
export class RequestLog {
  readonly #entries: (LogRecord | undefined)[];
  #next = 0;
  #count = 0;

  constructor(readonly capacity: number) {
    this.#entries = new Array(capacity);
  }

  add(entry: LogRecord): void {
    if (this.capacity === 0) return;
    this.#entries[this.#next] = entry;
    this.#next = (this.#next + 1) % this.capacity;
    this.#count = Math.min(this.#count + 1, this.capacity);
  }

  /** The entries, redacted, as fresh objects each time. */
  entries(): LoggedRequest[] {
    const out: LoggedRequest[] = [];
    const start = (this.#next - this.#count + this.capacity) % this.capacity;
    for (let i = 0; i < this.#count; i++)
      out.push(loggedRequestOf(this.#entries[(start + i) % this.capacity]!));
    return out;
  }

  clear(): void {
    this.#entries.fill(undefined);
    this.#next = 0;
    this.#count = 0;
  }
}
