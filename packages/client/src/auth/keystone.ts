import { z } from 'zod';
import type { PasswordCredentials } from './credentials.js';

/** `{authUrl}/v3/auth/tokens`, whether or not `authUrl` already ends in `/v3`. */
export function iamTokensUrl(authUrl: string): string {
  const base = authUrl.replace(/\/+$/, '');
  return /\/v3$/.test(base) ? `${base}/auth/tokens` : `${base}/v3/auth/tokens`;
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

export const keystoneTokenResponseSchema = z.looseObject({
  token: z.looseObject({
    expires_at: z.string().refine((s) => !Number.isNaN(Date.parse(s)), { error: 'must be a timestamp' }),
  }),
});

export interface IamToken {
  token: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}
