import { textFlag, wholeNumberFlag } from '../commands/flag-values.js';
import { CliUsageError } from '../errors.js';

/** Which projects a read command walks: the configured one (undefined), a list, or IAM's. */
export type FleetScope =
  | { kind: 'projects'; ids: string[]; concurrency: number }
  | { kind: 'all-projects'; concurrency: number };

export const defaultConcurrency = 4;

/** `--projects a,b`, `--all-projects` and `--concurrency N`, checked before any request. */
export function fleetScopeFlags(flags: Record<string, unknown>): FleetScope | undefined {
  const concurrency = wholeNumberFlag('--concurrency', flags.concurrency, { min: 1, max: 64 });
  const list = textFlag('--projects', flags.projects);
  if (list !== undefined && flags.allProjects === true) {
    throw new CliUsageError('--projects', 'cannot be combined with --all-projects (pick one)');
  }
  if (list === undefined && flags.allProjects !== true) {
    if (concurrency !== undefined) {
      throw new CliUsageError('--concurrency', 'needs --projects or --all-projects');
    }
    return undefined;
  }
  const c = concurrency ?? defaultConcurrency;
  if (flags.allProjects === true) return { kind: 'all-projects', concurrency: c };
  const ids = (list as string).split(',').map((s) => s.trim());
  const bad = ids.findIndex((id) => !/^[^/?#\s]+$/.test(id));
  if (bad >= 0) {
    throw new CliUsageError(
      '--projects',
      `item ${bad + 1} must be a project id without "/", "?", "#" or spaces`,
    );
  }
  return { kind: 'projects', ids: [...new Set(ids)], concurrency: c };
}
