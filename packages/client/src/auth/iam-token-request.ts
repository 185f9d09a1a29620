import { keystoneTokenResponseSchema } from '@csbs-kit/models';
import { CsbsResponseValidationError } from '../errors/other-errors.js';
import { execute, type RawResponse, type TransportConfig } from '../transport/execute.js';
import { parseJsonBody } from '../transport/json-body.js';
import type { PasswordCredentials } from './credentials.js';
import { type IamToken, iamTokensUrl, keystonePasswordBody } from './keystone.js';
import type { FetchToken } from './token-provider.js';

function readIamToken(response: RawResponse): IamToken {
  const header = response.headers['x-subject-token'];
  const token = Array.isArray(header) ? header[0] : header;
  const body = parseJsonBody(response, keystoneTokenResponseSchema);
  if (token === undefined || token === '') {
    throw new CsbsResponseValidationError({
      issues: [{ path: 'X-Subject-Token', message: 'header missing from the IAM answer' }],
      status: response.status,
      requestId: response.requestId,
      request: response.request,
    });
  }
  const catalog = body.token.catalog ?? undefined;
  return { token, expiresAt: Date.parse(body.token.expires_at), ...(catalog ? { catalog } : {}) };
}

/** Asks IAM for a project-scoped token by password, with the client's retries and timeouts. */
export function iamTokenFetcher(
  transport: TransportConfig,
  credentials: PasswordCredentials['password'],
  projectId: string,
): FetchToken {
  const url = iamTokensUrl(credentials.authUrl);
  return (signal) =>
    execute(
      transport,
      {
        method: 'POST',
        url,
        // Built per request so the password does not sit in a long-lived buffer.
        body: Buffer.from(keystonePasswordBody(credentials, projectId)),
        parse: readIamToken,
      },
      undefined,
      signal,
    );
}
