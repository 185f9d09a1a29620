import type { Command } from 'commander';

export interface CompletionOption {
  /** `--output`, `-o`. */
  long?: string;
  short?: string;
  takesValue: boolean;
  choices?: readonly string[];
  /** Complete the value with file names. */
  files?: boolean;
  description: string;
}

export interface CompletionCommand {
  /** `csbs backups list`. */
  path: string;
  name: string;
  description: string;
  options: CompletionOption[];
  subcommands: CompletionCommand[];
  /** Values of the first positional argument, when it has a closed list. */
  argumentChoices?: readonly string[];
}

export interface TreeHints {
  optionChoices: Record<string, readonly string[]>;
  argumentChoices: Record<string, readonly string[]>;
  fileOptions: readonly string[];
}

/** The command tree as plain data, so each shell's script is a pure function of it. */
export function describeCommandTree(command: Command, hints: TreeHints, parent = ''): CompletionCommand {
  const path = parent ? `${parent} ${command.name()}` : command.name();
  const options: CompletionOption[] = command.options
    .filter((o) => !o.hidden)
    .map((o) => ({
      ...(o.long ? { long: o.long } : {}),
      ...(o.short ? { short: o.short } : {}),
      takesValue: o.required || o.optional,
      ...(o.long && hints.optionChoices[o.long] ? { choices: hints.optionChoices[o.long] } : {}),
      ...(o.long && hints.fileOptions.includes(o.long) ? { files: true } : {}),
      description: o.description,
    }));
  return {
    path,
    name: command.name(),
    description: command.description(),
    options,
    subcommands: command.commands.map((c) => describeCommandTree(c, hints, path)),
    ...(hints.argumentChoices[path] ? { argumentChoices: hints.argumentChoices[path] } : {}),
  };
}

/** Every command of the tree, the root first. */
export function allCommands(root: CompletionCommand): CompletionCommand[] {
  return [root, ...root.subcommands.flatMap(allCommands)];
}
