import type { CheckpointItem } from '@csbs-kit/models';
import { CredentialRegistry } from '../auth/credential-registry.js';
import type { EmulatorData } from '../types.js';
import { ItemJsonCache } from './item-json-cache.js';
import { ItemScope } from './item-scope.js';
import { ResponseCache } from './response-cache.js';

const emptyScope = new ItemScope([]);

/**
 * Everything one emulator serves: the backups per project with their indexes, and the
 * credentials. Replaced as a whole on load, so a request never sees half of two data sets.
 */
export class EmulatorState {
  readonly registry: CredentialRegistry;
  readonly itemJson = new ItemJsonCache();
  readonly responses = new ResponseCache();
  readonly #projects = new Map<string, ItemScope>();
  #allTenants: ItemScope | undefined;

  constructor(data: EmulatorData) {
    this.registry = new CredentialRegistry(data);
    for (const [projectId, project] of Object.entries(data.projects)) {
      this.#projects.set(projectId, new ItemScope(project.checkpoint_items));
    }
  }

  /** Builds the common indexes now rather than on the first request. */
  warm(): this {
    for (const scope of this.#projects.values()) scope.warm();
    return this;
  }

  /** A project's backups; an unknown project simply has none. */
  project(projectId: string): ItemScope {
    return this.#projects.get(projectId) ?? emptyScope;
  }

  /** Every project's backups, for `all_tenants=true`; built on first use. */
  allTenants(): ItemScope {
    if (!this.#allTenants) {
      const all: CheckpointItem[] = [];
      for (const scope of this.#projects.values()) for (const item of scope.items) all.push(item);
      this.#allTenants = new ItemScope(all);
    }
    return this.#allTenants;
  }

  /** Backup counts per project, for the health endpoint. */
  projectSizes(): Record<string, number> {
    const sizes: Record<string, number> = {};
    for (const [projectId, scope] of this.#projects) sizes[projectId] = scope.size;
    return sizes;
  }
}
