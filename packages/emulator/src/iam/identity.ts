import { createHash } from 'node:crypto';
import type { EmulatorUser } from '../types.js';

/** The domain of projects that no user of the data names. */
export const defaultDomainName = 'emulator';

/**
 * A Keystone-looking id (32 hex digits) that is the same for the same name on every run, so
 * users, domains and services need no ids in the data file and a client may cache them.
 */
export function stableId(kind: string, ...names: string[]): string {
  return createHash('sha256')
    .update([kind, ...names].join('\u0000'))
    .digest('hex')
    .slice(0, 32);
}

export const domainIdOf = (domainName: string): string => stableId('domain', domainName);

export const userIdOf = (user: EmulatorUser): string => stableId('user', user.domain_name, user.name);

/** A project as IAM shows it. */
export interface IamProject {
  id: string;
  name: string;
  domainName: string;
}

/**
 * Every project the emulator knows: those with backups, and those a credential or user
 * names. Name and domain come from a user of that project; otherwise the id and `emulator`.
 */
export function knownProjects(
  projectIds: Iterable<string>,
  users: readonly EmulatorUser[],
): Map<string, IamProject> {
  const projects = new Map<string, IamProject>();
  for (const user of users) {
    if (!projects.has(user.project_id)) {
      projects.set(user.project_id, {
        id: user.project_id,
        name: user.project_name ?? user.project_id,
        domainName: user.domain_name,
      });
    }
  }
  for (const id of projectIds) {
    if (!projects.has(id)) projects.set(id, { id, name: id, domainName: defaultDomainName });
  }
  return projects;
}
