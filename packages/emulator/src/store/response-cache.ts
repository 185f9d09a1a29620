import { GenerationalCache } from './generational-cache.js';
import { PooledBody, type ResponseBody } from './pooled-body.js';

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

  answer(key: string, make: () => ResponseBody): ResponseBody {
    const entry = this.#entries.get(key, () => ({ hits: 0 }));
    if (entry.body !== undefined) return entry.body;
    const body = make();
    entry.hits++;
    if (entry.hits >= hotAfterHits)
      // A pooled body's buffer goes back to the pool once written: the cache keeps a copy.
      entry.body =
        body instanceof PooledBody
          ? Buffer.from(body.bytes)
          : Buffer.isBuffer(body)
            ? body
            : Buffer.from(body);
    return body;
  }
}
