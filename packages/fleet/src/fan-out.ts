import { type FleetFailure, FleetOptionsError, fleetFailure } from './fleet-failure.js';
import { type FleetProject, fleetProjects } from './fleet-project.js';

/** The part of `CsbsClient` a fleet walk uses; any `CsbsClient` is one. */
export interface FleetClient {
  readonly projectId: string;
  close(): Promise<void>;
}

export interface FleetOptions<C extends FleetClient> {
  projects: readonly (string | FleetProject)[];
  /**
   * A client for one project. It is created when the project's turn comes and closed when
   * it is done; give every client the same `dispatcher` to share one connection pool.
   */
  clientFor: (project: FleetProject) => C | Promise<C>;
  /** Projects walked at the same time; default 4. */
  concurrency?: number;
  signal?: AbortSignal;
  /** Told at once when a project fails (the outcome lists it too). */
  onFailure?: (failure: FleetFailure) => void | Promise<void>;
}

export const defaultConcurrency = 4;

export function checkConcurrency(value: unknown): number {
  if (value === undefined) return defaultConcurrency;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 64) {
    throw new FleetOptionsError('concurrency', 'must be a whole number from 1 to 64');
  }
  return value;
}

export interface FleetOutcome<T> {
  results: { project: FleetProject; value: T }[];
  failures: FleetFailure[];
}

/**
 * Runs `work` once per project, at most `concurrency` at a time, in the projects' order.
 * A project that fails is recorded and the others carry on; this rejects only for bad
 * options or an abort. Each client keeps its own retries and `Retry-After` waits, and a
 * project waiting to retry keeps its slot, so a throttled service sees no more than
 * `concurrency` projects' requests at once.
 */
export async function forEachProject<C extends FleetClient, T>(
  options: FleetOptions<C>,
  work: (client: C, project: FleetProject, signal: AbortSignal | undefined) => Promise<T>,
): Promise<FleetOutcome<T>> {
  const projects = fleetProjects(options.projects);
  const concurrency = checkConcurrency(options.concurrency);
  const results: ({ project: FleetProject; value: T } | undefined)[] = new Array(projects.length);
  const failures: (FleetFailure | undefined)[] = new Array(projects.length);
  let next = 0;
  const worker = async () => {
    while (next < projects.length) {
      options.signal?.throwIfAborted();
      const index = next++;
      const project = projects[index] as FleetProject;
      let client: C | undefined;
      try {
        client = await options.clientFor(project);
        results[index] = { project, value: await work(client, project, options.signal) };
      } catch (error) {
        if (options.signal?.aborted) throw error;
        const failure = fleetFailure(project, error);
        failures[index] = failure;
        await options.onFailure?.(failure);
      } finally {
        await client?.close();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, projects.length) }, worker));
  return {
    results: results.filter((r) => r !== undefined),
    failures: failures.filter((f) => f !== undefined),
  };
}
