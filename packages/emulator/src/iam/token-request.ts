import { z } from 'zod';
import type { CredentialRegistry, TokenRecord } from '../auth/credential-registry.js';
import { EmulatorHttpError } from '../errors.js';
import type { EmulatorUser } from '../types.js';
import { domainIdOf, type IamProject, userIdOf } from './identity.js';

const domainRef = z.looseObject({ id: z.string().min(1).optional(), name: z.string().min(1).optional() });

/** Keystone v3 `POST /v3/auth/tokens`, the parts the existing clients send. */
const tokenRequestSchema = z.looseObject({
  auth: z.looseObject({
    identity: z.looseObject({
      methods: z.array(z.string()).refine((m) => m.includes('password') || m.includes('token'), {
        error: 'must include "password" or "token"',
      }),
      password: z
        .looseObject({
          user: z.looseObject({
            id: z.string().min(1).optional(),
            name: z.string().min(1).optional(),
            password: z.string(),
            domain: domainRef.optional(),
          }),
        })
        .optional(),
      token: z.looseObject({ id: z.string().min(1).optional() }).optional(),
    }),
    scope: z
      .union([
        z.literal('unscoped'),
        z.looseObject({
          project: z
            .looseObject({
              id: z.string().min(1).optional(),
              name: z.string().min(1).optional(),
              domain: domainRef.optional(),
            })
            .optional(),
          domain: domainRef.optional(),
        }),
      ])
      .optional(),
  }),
});

type TokenRequest = z.infer<typeof tokenRequestSchema>;
type ProjectRef = { id?: string | undefined; name?: string | undefined; domain?: z.infer<typeof domainRef> };

export const iamError = (status: number, message: string) =>
  new EmulatorHttpError(status, String(status), message, { shape: 'iam' });

function parseTokenRequest(body: unknown): TokenRequest {
  const parsed = tokenRequestSchema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue ? issue.path.join('.') : '';
  throw iamError(
    400,
    `invalid authentication request${where ? ` at ${where}` : ''}: ${issue?.message ?? ''}`,
  );
}

const domainMatches = (ref: z.infer<typeof domainRef> | undefined, domainName: string) =>
  ref === undefined ||
  ((ref.name === undefined || ref.name === domainName) &&
    (ref.id === undefined || ref.id === domainIdOf(domainName)));

/** One message for an unknown user and a wrong password, as IAM does, so names cannot be probed. */
const wrongPassword = () => iamError(401, 'The username or password is wrong.');

function passwordUser(registry: CredentialRegistry, request: TokenRequest): EmulatorUser {
  const claimed = request.auth.identity.password?.user;
  if (!claimed) throw iamError(400, 'invalid authentication request at auth.identity.password: required');
  if (claimed.id === undefined && (claimed.name === undefined || claimed.domain === undefined)) {
    throw iamError(
      400,
      'invalid authentication request at auth.identity.password.user: give an id, or a name and a domain',
    );
  }
  const user = registry.users.find((u) =>
    claimed.id !== undefined
      ? userIdOf(u) === claimed.id
      : u.name === claimed.name && domainMatches(claimed.domain, u.domain_name),
  );
  if (!user || user.password !== claimed.password) throw wrongPassword();
  return user;
}

/** The projects a token for `user` (or a data-file token) may be scoped to. */
export function allowedProjects(
  projects: ReadonlyMap<string, IamProject>,
  principal: { projectId: string; admin: boolean },
): IamProject[] {
  if (principal.admin) return [...projects.values()];
  const own = projects.get(principal.projectId);
  return own ? [own] : [];
}

function chooseProject(allowed: IamProject[], ref: ProjectRef | undefined, own: string): IamProject {
  const project =
    ref === undefined
      ? allowed.find((p) => p.id === own)
      : ref.id !== undefined
        ? allowed.find((p) => p.id === ref.id)
        : ref.name !== undefined
          ? allowed.find((p) => p.name === ref.name && domainMatches(ref.domain, p.domainName))
          : undefined;
  if (ref !== undefined && ref.id === undefined && ref.name === undefined) {
    throw iamError(
      400,
      'invalid authentication request at auth.scope.project: give an id, or a name and a domain',
    );
  }
  if (!project) throw iamError(401, 'The user has no access to the requested project.');
  return project;
}

/**
 * Decides what a `POST /v3/auth/tokens` may issue: the identity (a user's password, or an
 * existing token being re-scoped) and the project (by id, by name and domain, or the user's
 * own when no scope is given). Throws IAM-shaped 400/401 errors.
 */
export function resolveTokenRequest(
  registry: CredentialRegistry,
  projects: ReadonlyMap<string, IamProject>,
  body: unknown,
  headerToken: string | undefined,
  nowMs: number,
): { record: Omit<TokenRecord, 'issuedAtMs' | 'expiresAtMs'>; project: IamProject; inheritsExpiry?: number } {
  const request = parseTokenRequest(body);
  const { identity, scope } = request.auth;
  if (
    scope !== undefined &&
    scope !== 'unscoped' &&
    scope.project === undefined &&
    scope.domain !== undefined
  ) {
    throw iamError(
      400,
      'invalid authentication request at auth.scope.domain: the emulator issues project-scoped tokens only',
    );
  }
  const projectRef = scope === undefined || scope === 'unscoped' ? undefined : scope.project;
  if (identity.methods.includes('password')) {
    const user = passwordUser(registry, request);
    const principal = { projectId: user.project_id, admin: user.admin === true };
    const project = chooseProject(allowedProjects(projects, principal), projectRef, user.project_id);
    return {
      record: { projectId: project.id, admin: principal.admin, user, methods: ['password'] },
      project,
    };
  }
  const id = identity.token?.id ?? headerToken;
  if (id === undefined || id === '') {
    throw iamError(400, 'invalid authentication request at auth.identity.token.id: required');
  }
  const existing = registry.tokenRecord(id, nowMs);
  if (existing === undefined || existing === 'expired')
    throw iamError(401, 'The token is not valid or has expired.');
  const own = existing.user?.project_id ?? existing.projectId;
  const project = chooseProject(
    allowedProjects(projects, { projectId: own, admin: existing.admin }),
    projectRef,
    own,
  );
  return {
    record: { projectId: project.id, admin: existing.admin, user: existing.user, methods: ['token'] },
    project,
    // A re-scoped token lives no longer than the one it came from, as in Keystone.
    ...(existing.expiresAtMs === undefined ? {} : { inheritsExpiry: existing.expiresAtMs }),
  };
}
