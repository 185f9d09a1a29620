// The models' word lists come from their zod-free subpath, so that `--help` and completion
// stay fast: the package's main entry would load zod on every start-up.
export { checkpointStatuses, sortKeys } from '@csbs-kit/models/enums';

export const outputFormats = ['table', 'json', 'ndjson', 'csv', 'yaml'] as const;
export type OutputFormat = (typeof outputFormats)[number];

export const completionShells = ['bash', 'zsh', 'fish'] as const;
export type CompletionShell = (typeof completionShells)[number];
