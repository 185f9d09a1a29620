import type { Command } from 'commander';

/** `--projects`, `--all-projects` and `--concurrency`, for every command that reads backups. */
export function withFleetScope(command: Command): Command {
  return command
    .option('--projects <ids>', 'walk these projects (comma-separated ids); rows carry project_id')
    .option('--all-projects', 'walk every project IAM lists for the caller in the configured region')
    .option(
      '--concurrency <n>',
      'projects walked at the same time with --projects/--all-projects, 1..64 (default 4)',
    );
}
