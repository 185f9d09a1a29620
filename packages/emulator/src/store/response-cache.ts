import { GenerationalCache } from './generational-cache.js';

/** Answers asked for this many times are kept as one ready Buffer. */
const hotAfterHits = 2;

interface Entry {
  hits: number;
  body?: Buffer;
}

/**
 * Successful answers to identical requests (same route, project, query or body), which the
 * unchanging data makes identical. An answer asked for again is kept as one Buffer and then
 * written as is, like a static file; an answer asked for once is not, so a client walking
 * many distinct pages does not churn large Buffers (external memory that makes V8 collect a
 * heap of a million backups). Errors are never kept: `make` throws them.
 */
export class ResponseCache {
  readonly #entries: GenerationalCache<string, Entry>;

  constructor(generationSize = 64) {
    this.#entries = new GenerationalCache(generationSize);
  }

  answer(key: string, make: () => Buffer | string[] | string): Buffer | string[] | string {
    const entry = this.#entries.get(key, () => ({ hits: 0 }));
    if (entry.body !== undefined) return entry.body;
    const body = make();
    entry.hits++;
    if (entry.hits >= hotAfterHits)
      entry.body = Buffer.isBuffer(body)
        ? body
        : Buffer.from(typeof body === 'string' ? body : body.join(''));
    return body;
  }
}
