import { bashCompletion } from '../completion/bash.js';
import { describeCommandTree } from '../completion/command-tree.js';
import { fishCompletion } from '../completion/fish.js';
import { zshCompletion } from '../completion/zsh.js';
import type { CommandContext } from '../context.js';
import { CliUsageError } from '../errors.js';
import { writeChunk } from '../io.js';
import { buildProgram, type CommandHandler, optionChoices } from '../program.js';
import { completionShells } from '../vocabulary.js';

const generators = { bash: bashCompletion, zsh: zshCompletion, fish: fishCompletion };

/** The completion script for one shell, generated from the same tree that parses the flags. */
export function completionScript(ctx: CommandContext, shell: string): string {
  if (!(shell in generators)) {
    throw new CliUsageError('shell', `must be one of ${completionShells.join(', ')} (got "${shell}")`);
  }
  const tree = describeCommandTree(buildProgram(ctx), {
    optionChoices,
    argumentChoices: { 'csbs completion': completionShells },
    fileOptions: ['--tags-json'],
  });
  return generators[shell as keyof typeof generators](tree);
}

export const run: CommandHandler = async (ctx, _flags, [shell = '']) => {
  await writeChunk(ctx.io.stdout, completionScript(ctx, shell));
};
