import { CsbsClient } from '@csbs-kit/client';
import { type FleetProject, projectsInRegion } from '@csbs-kit/fleet';
import { Agent } from 'undici';
import { debugHooks, rememberSecrets } from '../client-factory.js';
import type { CommandContext, GlobalFlags } from '../context.js';
import { CliUsageError } from '../errors.js';
import { type ClientSettings, clientSettingsFrom } from '../settings/client-options.js';
import { loadSettings } from '../settings/load-settings.js';
import type { FleetScope } from './fleet-flags.js';

/** What a fleet command needs: the projects to walk and a client per project. */
export interface FleetSession {
  projects: FleetProject[];
  clientFor: (project: FleetProject) => CsbsClient;
  concurrency: number;
  /** Whether the user asked for several projects (failures are then reported, not thrown). */
  fleet: boolean;
}

function newClient(
  ctx: CommandContext,
  flags: GlobalFlags,
  base: ClientSettings,
  projectId: string,
  agent: Agent,
) {
  return new CsbsClient({
    ...base,
    projectId,
    dispatcher: agent,
    ...(flags.debug ? { hooks: debugHooks(ctx) } : {}),
    userAgent: 'csbs-cli',
  });
}

/**
 * Resolves the scope into projects (asking IAM for `--all-projects`, limited to the
 * configured region) and runs `work` with one shared connection pool, closed at the end.
 * Without a scope the session is the configured project alone.
 */
export async function withFleetSession<T>(
  ctx: CommandContext,
  flags: GlobalFlags,
  scope: FleetScope | undefined,
  work: (session: FleetSession) => Promise<T>,
): Promise<T> {
  const settings = await loadSettings(flags as Record<string, unknown>, ctx.io);
  rememberSecrets(ctx, settings);
  if (scope?.kind === 'projects' && !settings.projectId) {
    // The listed projects need no home project; the first one serves where a client wants one.
    settings.projectId = { value: scope.ids[0] as string, source: 'flag --projects' };
  }
  const base = clientSettingsFrom(settings);
  const agent = new Agent({
    connections: 4 * Math.max(1, scope?.concurrency ?? 1),
    keepAliveTimeout: 30_000,
  });
  try {
    let projects: FleetProject[];
    if (scope === undefined) projects = [{ id: base.projectId }];
    else if (scope.kind === 'projects') projects = scope.ids.map((id) => ({ id }));
    else {
      const home = newClient(ctx, flags, base, base.projectId, agent);
      try {
        const listed = await home.listProjects();
        const enabled = listed.filter((p) => p.enabled !== false);
        const inRegion = base.region ? projectsInRegion(enabled, base.region) : enabled;
        projects = inRegion.map((p) => ({ id: p.id, ...(p.name ? { name: p.name } : {}) }));
      } finally {
        await home.close();
      }
      if (projects.length === 0) {
        throw new CliUsageError(
          '--all-projects',
          `IAM lists no project${base.region ? ` in region ${base.region}` : ''} for these credentials`,
        );
      }
    }
    return await work({
      projects,
      clientFor: (project) => newClient(ctx, flags, base, project.id, agent),
      concurrency: scope?.concurrency ?? 1,
      fleet: scope !== undefined,
    });
  } finally {
    await agent.close();
  }
}
