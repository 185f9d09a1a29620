import pc from 'picocolors';
import { type CommandContext, colorEnabled, type GlobalFlags } from '../context.js';
import {
  type Column,
  columnsForFields,
  defaultColumns,
  defaultCsvFields,
  type RecordKind,
} from '../output/columns.js';
import { backupOfResource, checkFieldNames } from '../output/field-vocabulary.js';
import { parseFieldList } from '../output/fields.js';
import { chooseOutputFormat } from '../output/output-format.js';
import { createRecordWriter, type RecordWriter } from '../output/record-writer.js';
import type { OutputFormat } from '../vocabulary.js';

export interface OutputSetup {
  format: OutputFormat;
  fields: string[] | undefined;
  bold: ((s: string) => string) | undefined;
  /** CSV: `--no-escape-formulas` turns off the leading `'` on formula cells. */
  escapeFormulas: boolean;
}

/**
 * `-o` and `--fields`, checked before any request. `kind` is what the command prints; a
 * count has no field vocabulary (its one key is picked as given).
 */
export function outputSetup(
  ctx: CommandContext,
  flags: GlobalFlags & Record<string, unknown>,
  kind?: RecordKind,
): OutputSetup {
  const format = chooseOutputFormat(
    typeof flags.output === 'string' ? flags.output : undefined,
    ctx.io.stdout.isTTY === true,
  );
  const fields = typeof flags.fields === 'string' ? parseFieldList(flags.fields) : undefined;
  if (fields && kind) checkFieldNames(fields, kind);
  const bold = colorEnabled(ctx.io, flags, 'stdout') ? pc.createColors(true).bold : undefined;
  return { format, fields, bold, escapeFormulas: flags.escapeFormulas !== false };
}

function columnsFor(setup: OutputSetup, kind: RecordKind): Column[] {
  if (setup.fields) return columnsForFields(setup.fields);
  // CSV keeps raw values (the writer ignores `human`) and streams, so its columns are fixed.
  if (setup.format === 'csv') return columnsForFields(defaultCsvFields(kind));
  return defaultColumns(kind);
}

export function recordWriter(
  ctx: CommandContext,
  setup: OutputSetup,
  kind: RecordKind,
  options: { streamJson: boolean },
): RecordWriter {
  return createRecordWriter({
    format: setup.format,
    stream: ctx.io.stdout,
    columns: columnsFor(setup, kind),
    fields: setup.fields,
    streamJson: options.streamJson,
    escapeFormulas: setup.escapeFormulas,
    view: kind === 'resource' ? backupOfResource : undefined,
    ...(setup.bold ? { bold: setup.bold } : {}),
  });
}

/** Hints and notices go to stderr, unless `--quiet`. */
export function notice(ctx: CommandContext, flags: GlobalFlags, line: string): void {
  if (!flags.quiet) ctx.io.stderr.write(`${line}\n`);
}

/**
 * A count is one number: without `-o` (or with `-o table`) it prints bare, whatever stdout
 * is, so that `$(csbs backups count)` works; `-o json` and the others wrap it in an object.
 */
export function bareNumber(flags: Record<string, unknown>, format: OutputFormat): boolean {
  return flags.output === undefined || format === 'table';
}
