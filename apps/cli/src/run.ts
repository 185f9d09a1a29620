import pc from 'picocolors';
import { type CommandContext, colorEnabled, writeStderr } from './context.js';
import { type CliIo, processIo } from './io.js';
import { escapeControlsKeepingLines } from './output/terminal-text.js';
import { buildProgram } from './program.js';
import { renderError } from './render-error.js';

function isCommanderError(error: unknown): error is { code: string; exitCode: number } {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    (error as { code: string }).code.startsWith('commander.')
  );
}

/**
 * Runs the CLI with the given arguments (without `node` and the script) and resolves to
 * its exit code: 0 success, 1 an API or network error, 2 bad usage or invalid input.
 */
export async function run(argv: readonly string[], io: Partial<CliIo> = {}): Promise<number> {
  const ctx: CommandContext = { io: { ...processIo(), ...io }, secrets: new Set() };
  // The emulator owns its flags (and its --help); commander would claim the global ones.
  if (argv[0] === 'emulator') {
    const { runEmulator } = await import('./commands/emulator.js');
    return runEmulator(ctx, argv.slice(1));
  }
  const program = buildProgram(ctx, { runCommandLine: run });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return ctx.exitCode ?? 0;
  } catch (error) {
    // Commander has already printed its message (or the help, or the version).
    if (isCommanderError(error)) return error.exitCode === 0 ? 0 : 2;
    const rendered = renderError(error);
    const color = colorEnabled(ctx.io, { color: !argv.includes('--no-color') }, 'stderr');
    writeStderr(ctx, `csbs: ${color ? pc.createColors(true).red('error:') : 'error:'} ${rendered.message}`);
    if (argv.includes('--debug') && error instanceof Error && error.stack)
      writeStderr(ctx, escapeControlsKeepingLines(error.stack));
    return rendered.exitCode;
  }
}
