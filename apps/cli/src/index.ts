// The public API of csbs-kit, listed deliberately: the `csbs` command as a function.
export { CliConfigError, CliUsageError } from './errors.js';
export type { CliIo, OutputStream } from './io.js';
export { run } from './run.js';
