import type { Command } from 'commander';
import type { CommandContext, GlobalFlags } from './context.js';
import type { CliIo } from './io.js';

/** Runs a whole `csbs` command line in this process and resolves to its exit code, as `run()` does. */
export type CommandLineRunner = (argv: readonly string[], io?: Partial<CliIo>) => Promise<number>;

/**
 * What a command gets besides its context, flags and arguments: handed down from `run()`
 * rather than imported, so that no command module imports the program that loads it.
 */
export interface Invocation {
  /** The root command (`csbs`) with the whole tree: completion describes it. */
  root: Command;
  /** The demo runs its tour steps through it. */
  runCommandLine: CommandLineRunner;
}

/** A command module's entry: loaded with `import()` only when its command runs. */
export type CommandHandler = (
  ctx: CommandContext,
  flags: GlobalFlags & Record<string, unknown>,
  args: string[],
  invocation: Invocation,
) => Promise<void>;
