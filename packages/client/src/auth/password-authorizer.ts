import type { KeystoneCatalogEntry } from '@csbs-kit/models';
import type { Authorizer, OutgoingRequest } from './authorizer.js';
import type { TokenProvider } from './token-provider.js';

/** An IAM token obtained by password, cached and renewed by the token provider. */
export class PasswordAuthorizer implements Authorizer {
  readonly #tokens: TokenProvider;

  constructor(tokens: TokenProvider) {
    this.#tokens = tokens;
  }

  async authorize(request: OutgoingRequest, signal: AbortSignal): Promise<Record<string, string>> {
    return { ...request.headers, 'X-Auth-Token': await this.#tokens.getToken(signal) };
  }

  /** The catalog of the current token (fetching one when there is none yet). */
  async serviceCatalog(signal?: AbortSignal): Promise<readonly KeystoneCatalogEntry[] | undefined> {
    return (await this.#tokens.getIamToken(signal)).catalog;
  }

  async renewAfterUnauthorized(sentHeaders: Record<string, string>): Promise<boolean> {
    const sent = sentHeaders['X-Auth-Token'];
    if (sent !== undefined) this.#tokens.invalidate(sent);
    return true;
  }
}
