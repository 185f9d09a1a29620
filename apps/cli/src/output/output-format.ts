import { CliUsageError } from '../errors.js';
import { type OutputFormat, outputFormats } from '../vocabulary.js';

/** `-o`, or the default: a table for people at a terminal, NDJSON for pipes and files. */
export function chooseOutputFormat(requested: string | undefined, stdoutIsTTY: boolean): OutputFormat {
  if (requested === undefined) return stdoutIsTTY ? 'table' : 'ndjson';
  const format = requested.trim().toLowerCase();
  if ((outputFormats as readonly string[]).includes(format)) return format as OutputFormat;
  throw new CliUsageError('--output', `must be one of ${outputFormats.join(', ')} (got "${requested}")`);
}
