import type { KeystoneCatalogEntry } from '@csbs-kit/models';
import type { PasswordCredentials } from './credentials.js';

/** `{authUrl}/v3/{path}`, whether or not `authUrl` already ends in `/v3`. */
export function iamUrl(authUrl: string, path: string): string {
  const base = authUrl.replace(/\/+$/, '');
  return /\/v3$/.test(base) ? `${base}/${path}` : `${base}/v3/${path}`;
}

/** `{authUrl}/v3/auth/tokens`, whether or not `authUrl` already ends in `/v3`. */
export function iamTokensUrl(authUrl: string): string {
  return iamUrl(authUrl, 'auth/tokens');
}

/**
 * The Keystone v3 password request, scoped to the project by id, or by name (within the
 * user's domain) when `projectName` is given.
 */
export function keystonePasswordBody(
  credentials: PasswordCredentials['password'],
  projectId: string,
): string {
  const domain = { name: credentials.domainName };
  const project =
    credentials.projectName === undefined ? { id: projectId } : { name: credentials.projectName, domain };
  return JSON.stringify({
    auth: {
      identity: {
        methods: ['password'],
        password: { user: { name: credentials.username, password: credentials.password, domain } },
      },
      scope: { project },
    },
  });
}

export interface IamToken {
  token: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  /** The token's service catalog, when IAM sent one. */
  catalog?: readonly KeystoneCatalogEntry[] | undefined;
}
