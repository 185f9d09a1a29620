import type { TokenRecord } from '../auth/credential-registry.js';
import { serviceCatalog } from './catalog.js';
import { defaultDomainName, domainIdOf, type IamProject, stableId, userIdOf } from './identity.js';

export interface TokenBodyContext {
  /** `http://host:port` as the client reached the emulator. */
  baseUrl: string;
  region: string;
  project: IamProject;
  issuedAtMs: number;
  expiresAtMs: number;
  withCatalog: boolean;
}

const domainOf = (name: string) => ({ id: domainIdOf(name), name });

/**
 * The Keystone token body: `methods`, `user`, `project`, `roles`, `issued_at`, `expires_at`
 * and (unless `nocatalog`) the `catalog`. A token of the data file has no user of its own;
 * it is shown as a user named `token-user` of the project's domain.
 */
export function tokenBody(record: TokenRecord, context: TokenBodyContext) {
  const user = record.user
    ? { id: userIdOf(record.user), name: record.user.name, domain: domainOf(record.user.domain_name) }
    : {
        id: stableId('token-user', record.projectId),
        name: 'token-user',
        domain: domainOf(context.project.domainName ?? defaultDomainName),
      };
  const role = record.admin ? 'admin' : 'te_admin';
  return {
    token: {
      methods: [...(record.methods.length > 0 ? record.methods : ['token'])],
      user: { ...user, password_expires_at: '' },
      project: {
        id: context.project.id,
        name: context.project.name,
        domain: domainOf(context.project.domainName),
      },
      roles: [{ id: stableId('role', role), name: role }],
      issued_at: new Date(context.issuedAtMs).toISOString(),
      expires_at: new Date(context.expiresAtMs).toISOString(),
      ...(context.withCatalog
        ? { catalog: serviceCatalog(context.baseUrl, context.region, context.project.id) }
        : {}),
    },
  };
}
