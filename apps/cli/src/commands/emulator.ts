import type { CommandHandler } from '../command-handler.js';
import type { CommandContext } from '../context.js';

/** `csbs emulator …` is the emulator package's own command line, flags and help included. */
export async function runEmulator(ctx: CommandContext, argv: readonly string[]): Promise<number> {
  const { runEmulatorCli } = await import('@csbs-kit/emulator');
  // Our streams are the process's own or test doubles with the same write(); the emulator
  // types them as full Node streams.
  const io = { stdout: ctx.io.stdout, stderr: ctx.io.stderr } as unknown as Parameters<
    typeof runEmulatorCli
  >[1];
  return runEmulatorCli([...argv], io);
}

export const run: CommandHandler = async (ctx, _flags, args) => {
  ctx.exitCode = await runEmulator(ctx, args);
};
