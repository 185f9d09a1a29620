/**
 * The closed word lists the command tree needs for help and completion. They repeat the
 * models' lists on purpose: importing `@csbs-kit/models` would load zod on every start-up,
 * and `--help` must stay fast. A unit test keeps the two in step.
 */
export const checkpointStatuses = [
  'waiting_protect',
  'protecting',
  'available',
  'waiting_restore',
  'restoring',
  'error',
  'waiting_delete',
  'deleting',
  'deleted',
] as const;

export const sortKeys = ['created_at', 'updated_at', 'name', 'status', 'protected_at', 'id'] as const;

export const outputFormats = ['table', 'json', 'ndjson', 'csv', 'yaml'] as const;
export type OutputFormat = (typeof outputFormats)[number];

export const completionShells = ['bash', 'zsh', 'fish'] as const;
export type CompletionShell = (typeof completionShells)[number];
