import { signRequest } from '@csbs-kit/models/signing';
import type { Authorizer, OutgoingRequest } from './authorizer.js';
import type { AccessKeyCredentials } from './credentials.js';

/**
 * SDK-HMAC-SHA256 with models' signer, once per attempt so that each retry carries a fresh
 * `X-Sdk-Date`. The project id travels signed as `X-Project-Id`.
 */
export class AccessKeyAuthorizer implements Authorizer {
  readonly #credentials: AccessKeyCredentials;
  readonly #projectId: string;
  readonly #now: () => Date;

  constructor(credentials: AccessKeyCredentials, projectId: string, now: () => Date = () => new Date()) {
    this.#credentials = {
      accessKey: credentials.accessKey,
      secretKey: credentials.secretKey,
      ...(credentials.securityToken === undefined ? {} : { securityToken: credentials.securityToken }),
    };
    this.#projectId = projectId;
    this.#now = now;
  }

  async authorize(request: OutgoingRequest): Promise<Record<string, string>> {
    const { Host: _signedHost, ...headers } = signRequest(
      { method: request.method, url: request.url, headers: request.headers, body: request.body },
      this.#credentials,
      { projectId: this.#projectId, date: this.#now() },
    );
    // `Host` is signed as `host[:port]` of the URL, which is exactly what undici sends for
    // the origin; leaving it to undici keeps the request valid over HTTP/2 as well.
    return headers;
  }
}
