import type { Command } from 'commander';
import type { CommandHandler } from '../command-handler.js';
import { bashCompletion } from '../completion/bash.js';
import { describeCommandTree } from '../completion/command-tree.js';
import { fishCompletion } from '../completion/fish.js';
import { zshCompletion } from '../completion/zsh.js';
import { CliUsageError } from '../errors.js';
import { writeChunk } from '../io.js';
import { optionChoices } from '../option-choices.js';
import { completionShells } from '../vocabulary.js';

const generators = { bash: bashCompletion, zsh: zshCompletion, fish: fishCompletion };

/** The completion script for one shell, generated from the same tree that parses the flags. */
export function completionScript(root: Command, shell: string): string {
  if (!(shell in generators)) {
    throw new CliUsageError('shell', `must be one of ${completionShells.join(', ')} (got "${shell}")`);
  }
  const tree = describeCommandTree(root, {
    optionChoices,
    argumentChoices: { 'csbs completion': completionShells },
    fileOptions: ['--tags-json'],
  });
  return generators[shell as keyof typeof generators](tree);
}

export const run: CommandHandler = async (ctx, _flags, [shell = ''], { root }) => {
  await writeChunk(ctx.io.stdout, completionScript(root, shell));
};
