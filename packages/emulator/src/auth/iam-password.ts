import { z } from 'zod';
import { EmulatorHttpError } from '../errors.js';
import type { EmulatorUser } from '../types.js';
import type { CredentialRegistry } from './credential-registry.js';

const named = z.looseObject({ name: z.string().min(1) });

/** Keystone v3 password authentication scoped to a project, the part IAM clients send. */
const passwordAuthSchema = z.looseObject({
  auth: z.looseObject({
    identity: z.looseObject({
      methods: z
        .array(z.string())
        .refine((m) => m.includes('password'), { error: 'must include "password"' }),
      password: z.looseObject({
        user: z.looseObject({ name: z.string().min(1), password: z.string(), domain: named }),
      }),
    }),
    scope: z.looseObject({
      project: z.union([
        z.looseObject({ id: z.string().min(1) }),
        z.looseObject({ name: z.string().min(1), domain: named.optional() }),
      ]),
    }),
  }),
});

const iamError = (status: number, message: string) =>
  new EmulatorHttpError(status, String(status), message, { shape: 'iam' });

export interface IssuedIamToken {
  token: string;
  body: {
    token: {
      expires_at: string;
      issued_at: string;
      methods: string[];
      project: { id: string; name: string; domain: { name: string } };
      user: { name: string; domain: { name: string } };
      roles: { name: string }[];
    };
  };
}

function projectMatches(
  user: EmulatorUser,
  project: { id?: unknown; name?: unknown; domain?: unknown },
): boolean {
  if (typeof project.id === 'string') return project.id === user.project_id;
  const domain = (project.domain as { name?: string } | undefined)?.name;
  if (domain !== undefined && domain !== user.domain_name) return false;
  return project.name === (user.project_name ?? user.project_id);
}

/**
 * `POST /v3/auth/tokens`: checks a password identity against the users of the data and
 * issues a token for the user's project. Errors use IAM's nested shape.
 */
export function issueIamToken(
  registry: CredentialRegistry,
  body: unknown,
  now: Date,
  ttlSeconds: number,
): IssuedIamToken {
  const parsed = passwordAuthSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join('.') : '';
    throw iamError(
      400,
      `invalid authentication request${where ? ` at ${where}` : ''}: ${issue?.message ?? ''}`,
    );
  }
  const { identity, scope } = parsed.data.auth;
  const claimed = identity.password.user;
  const user = registry.users.find((u) => u.name === claimed.name && u.domain_name === claimed.domain.name);
  // One message for an unknown user and a wrong password, as IAM does, so names cannot be probed.
  if (!user || user.password !== claimed.password) {
    throw iamError(401, 'The username or password is wrong.');
  }
  if (!projectMatches(user, scope.project)) {
    throw iamError(401, 'The user has no access to the requested project.');
  }
  const expiresAt = new Date(now.getTime() + ttlSeconds * 1000);
  const token = registry.issueToken(user, now.getTime(), expiresAt.getTime());
  return {
    token,
    body: {
      token: {
        expires_at: expiresAt.toISOString(),
        issued_at: now.toISOString(),
        methods: ['password'],
        project: {
          id: user.project_id,
          name: user.project_name ?? user.project_id,
          domain: { name: user.domain_name },
        },
        user: { name: user.name, domain: { name: user.domain_name } },
        roles: [{ name: user.admin === true ? 'admin' : 'te_admin' }],
      },
    },
  };
}
