import type { CliIo } from './io.js';
import { maskUrlUserinfo } from './mask-url.js';

/** Global flags after commander has read them (camelCase, as commander names them). */
export interface GlobalFlags {
  cloud?: string;
  projectId?: string;
  region?: string;
  endpoint?: string;
  timeout?: string;
  debug?: boolean;
  quiet?: boolean;
  color?: boolean;
}

/** What every command gets: its process I/O and a place to note secrets to mask. */
export interface CommandContext {
  io: CliIo;
  /** Every secret value the run has seen; stderr text is masked against them. */
  secrets: Set<string>;
  /** Set by a command that ends without an error but not with 0 (the emulator's own code). */
  exitCode?: number;
}

/** Replaces every known secret in a text with `****` (longest first, so overlaps go too). */
export function maskSecrets(text: string, secrets: Iterable<string>): string {
  let out = text;
  for (const secret of [...secrets].filter((s) => s.length >= 4).sort((a, b) => b.length - a.length)) {
    out = out.replaceAll(secret, '****');
  }
  return out;
}

/** Writes one line to stderr, with secrets and URL passwords masked. */
export function writeStderr(ctx: CommandContext, line: string): void {
  ctx.io.stderr.write(`${maskUrlUserinfo(maskSecrets(line, ctx.secrets))}\n`);
}

/** `TERM=dumb` (Emacs shells, some CI logs) cannot show colour or redraw a line. */
export function dumbTerminal(io: CliIo): boolean {
  return io.env.TERM === 'dumb';
}

export function colorEnabled(io: CliIo, flags: GlobalFlags, stream: 'stdout' | 'stderr'): boolean {
  if (flags.color === false) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (dumbTerminal(io)) return false;
  return io[stream].isTTY === true;
}
