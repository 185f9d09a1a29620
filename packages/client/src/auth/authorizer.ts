import type { KeystoneCatalogEntry } from '@csbs-kit/models';

/** What an attempt is about to send; an authorizer adds its headers to it. */
export interface OutgoingRequest {
  method: string;
  url: string;
  /** Headers already set (`Content-Type`, `Accept`, `User-Agent`). */
  headers: Record<string, string>;
  /** The body bytes exactly as they will be sent. */
  body: Uint8Array | undefined;
}

/** Adds credentials to each attempt. Implementations keep the secrets private to themselves. */
export interface Authorizer {
  /** All headers to send, the given ones included. Called once per attempt. */
  authorize(request: OutgoingRequest, signal: AbortSignal): Promise<Record<string, string>>;
  /**
   * After a 401: obtain a fresh credential if this kind can; `true` means the call may be
   * repeated once. `sentHeaders` are those of the rejected attempt.
   */
  renewAfterUnauthorized?(sentHeaders: Record<string, string>, signal: AbortSignal): Promise<boolean>;
  /** The IAM service catalog that came with the credential, for kinds that have one. */
  serviceCatalog?(signal?: AbortSignal): Promise<readonly KeystoneCatalogEntry[] | undefined>;
}

/** A fixed IAM token. */
export class TokenAuthorizer implements Authorizer {
  readonly #token: string;
  constructor(token: string) {
    this.#token = token;
  }
  async authorize(request: OutgoingRequest): Promise<Record<string, string>> {
    return { ...request.headers, 'X-Auth-Token': this.#token };
  }
}
