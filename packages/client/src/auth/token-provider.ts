import type { IamToken } from './keystone.js';

/** Renew this long before `expires_at`, so a token never expires in flight. */
export const renewBeforeMs = 5 * 60_000;

export type FetchToken = (signal: AbortSignal) => Promise<IamToken>;

/**
 * Caches one IAM token: concurrent callers share one in-flight request, a token is renewed
 * when within `renewBeforeMs` of expiry, and `invalidate` drops it after a 401.
 */
export class TokenProvider {
  readonly #fetchToken: FetchToken;
  readonly #now: () => number;
  #cached: IamToken | undefined;
  #inFlight: Promise<IamToken> | undefined;

  constructor(fetchToken: FetchToken, now: () => number = Date.now) {
    this.#fetchToken = fetchToken;
    this.#now = now;
  }

  /** A valid token; waits for the shared request, but a caller's abort only stops its own wait. */
  async getToken(signal?: AbortSignal): Promise<string> {
    return (await this.getIamToken(signal)).token;
  }

  /** The valid token with what IAM sent beside it (its catalog). */
  async getIamToken(signal?: AbortSignal): Promise<IamToken> {
    const cached = this.#cached;
    if (cached !== undefined && this.#now() < cached.expiresAt - renewBeforeMs) return cached;
    return abortable(this.#refresh(), signal);
  }

  /** Forgets `token` if it is still the cached one; a newer token is kept. */
  invalidate(token: string): void {
    if (this.#cached?.token === token) this.#cached = undefined;
  }

  #refresh(): Promise<IamToken> {
    if (this.#inFlight === undefined) {
      // The shared request is not tied to any one caller's signal; it has its own timeouts.
      const request = this.#fetchToken(new AbortController().signal).then((token) => {
        this.#cached = token;
        return token;
      });
      this.#inFlight = request;
      const clear = () => {
        if (this.#inFlight === request) this.#inFlight = undefined;
      };
      request.then(clear, clear);
    }
    return this.#inFlight;
  }
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}
