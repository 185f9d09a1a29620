import { CredentialRegistry } from '../auth/credential-registry.js';
import type { EmulatorData } from '../types.js';
import { ConcatRows } from './concat-rows.js';
import { type ItemRows, StoredItems } from './item-rows.js';
import { ItemScope } from './item-scope.js';
import { ResponseCache } from './response-cache.js';

const emptyScope = new ItemScope(new StoredItems([]));

/** The credentials and users of a data set, with its project ids but not its items. */
function withoutItems(data: EmulatorData): EmulatorData {
  const projects: EmulatorData['projects'] = {};
  for (const projectId of Object.keys(data.projects)) projects[projectId] = { checkpoint_items: [] };
  return { projects, credentials: data.credentials ?? [], users: data.users ?? [] };
}

/**
 * Everything one emulator serves: the backups per project with their indexes, and the
 * credentials. Replaced as a whole on load, so a request never sees half of two data sets.
 * The scopes never change, so a reset shares them with a fresh registry.
 */
export class EmulatorState {
  readonly registry: CredentialRegistry;
  readonly responses = new ResponseCache();
  readonly #accounts: EmulatorData;
  readonly #projects: ReadonlyMap<string, ItemScope>;
  #allTenants: ItemScope | undefined;

  constructor(accounts: EmulatorData, projects: ReadonlyMap<string, ItemScope>) {
    this.#accounts = accounts;
    this.registry = new CredentialRegistry(accounts);
    this.#projects = projects;
  }

  /** Data given as JSON: each item kept as its JSON text, the objects let go. */
  static fromData(data: EmulatorData): EmulatorState {
    return EmulatorState.fromRows(
      data,
      new Map(
        Object.entries(data.projects).map(([id, project]) => [id, new StoredItems(project.checkpoint_items)]),
      ),
    );
  }

  /** `accounts` gives the credentials and users; `rows` the backups per project. */
  static fromRows(accounts: EmulatorData, rows: ReadonlyMap<string, ItemRows>): EmulatorState {
    const scopes = new Map<string, ItemScope>();
    for (const [projectId, projectRows] of rows) scopes.set(projectId, new ItemScope(projectRows));
    return new EmulatorState(withoutItems(accounts), scopes);
  }

  /** The same data with no IAM-issued tokens and no cached answers. */
  fresh(): EmulatorState {
    const state = new EmulatorState(this.#accounts, this.#projects);
    state.#allTenants = this.#allTenants;
    return state;
  }

  /** Builds the indexes now rather than on the first request. */
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
    this.#allTenants ??= new ItemScope(
      new ConcatRows([...this.#projects.values()].map((scope) => scope.rows)),
    );
    return this.#allTenants;
  }

  /** Backup counts per project, for the health endpoint. */
  projectSizes(): Record<string, number> {
    const sizes: Record<string, number> = {};
    for (const [projectId, scope] of this.#projects) sizes[projectId] = scope.size;
    return sizes;
  }
}
