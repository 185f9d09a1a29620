import type { FleetFailure } from '@csbs-kit/fleet';
import { projectLabel } from '@csbs-kit/fleet';
import { type CommandContext, writeStderr } from '../context.js';
import { escapeControls } from '../output/terminal-text.js';
import { renderError } from '../render-error.js';

/**
 * One line per failed project on stderr, by name and code, as soon as it fails; the
 * command goes on with the others and ends with exit code 1.
 */
export function reportFleetFailure(ctx: CommandContext, failure: FleetFailure): void {
  const code = failure.errorCode ? `${failure.code} (${failure.errorCode})` : failure.code;
  const message = renderError(failure.error).message;
  writeStderr(
    ctx,
    `csbs: error: project ${escapeControls(projectLabel(failure.project))}: ${code}: ${escapeControls(message)}`,
  );
  ctx.exitCode = 1;
}
