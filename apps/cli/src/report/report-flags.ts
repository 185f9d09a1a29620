import { parseListingTime, type ReportSection, reportSections } from '@csbs-kit/fleet/report';
import { textFlag } from '../commands/flag-values.js';
import { CliUsageError } from '../errors.js';

const units: Record<string, number> = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/** `--stale 7d` (also `36h`, `2w`): a positive whole number and a unit. */
export function staleFlag(text: unknown): number | undefined {
  const value = textFlag('--stale', text);
  if (value === undefined) return undefined;
  const m = /^(\d+)([hdw])$/.exec(value);
  const n = m ? Number(m[1]) : 0;
  if (!m || n < 1 || !Number.isSafeInteger(n)) {
    throw new CliUsageError(
      '--stale',
      `must be a whole number and a unit h, d or w, like 7d (got "${value}")`,
    );
  }
  return n * (units[m[2] as string] as number);
}

/** `--by team,env`: tag keys, each once. */
export function byFlag(text: unknown): string[] {
  const value = textFlag('--by', text);
  if (value === undefined) return [];
  const keys = value.split(',').map((k) => k.trim());
  const empty = keys.indexOf('');
  if (empty >= 0) throw new CliUsageError('--by', `key ${empty + 1} is empty (use --by team,env)`);
  if (new Set(keys).size !== keys.length) throw new CliUsageError('--by', 'names a key twice');
  return keys;
}

export type ReportFormat = 'text' | 'json' | 'yaml' | 'csv';

/** `-o text|json|yaml|csv` (`table` is text); CSV prints one `--section`. */
export function reportOutput(flags: Record<string, unknown>): {
  format: ReportFormat;
  section?: ReportSection;
} {
  const output = textFlag('--output', flags.output) ?? 'text';
  const format = output === 'table' ? 'text' : output;
  if (!['text', 'json', 'yaml', 'csv'].includes(format)) {
    throw new CliUsageError('--output', `must be text, json, yaml or csv for a report (got "${output}")`);
  }
  const section = textFlag('--section', flags.section);
  if (section !== undefined && !(reportSections as readonly string[]).includes(section)) {
    throw new CliUsageError('--section', `must be one of ${reportSections.join(', ')} (got "${section}")`);
  }
  if (format === 'csv' && section === undefined) {
    throw new CliUsageError('--section', `required with -o csv: one of ${reportSections.join(', ')}`);
  }
  if (section !== undefined && format !== 'csv') {
    throw new CliUsageError('--section', 'only with -o csv');
  }
  return { format: format as ReportFormat, ...(section ? { section: section as ReportSection } : {}) };
}

/** `--as-of 2026-01-01` or a listing time: the moment ages are measured from (UTC). */
export function asOfFlag(text: unknown): Date | undefined {
  const value = textFlag('--as-of', text);
  if (value === undefined) return undefined;
  const ms = parseListingTime(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00` : value);
  if (ms === undefined || !/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?Z?)?$/.test(value)) {
    throw new CliUsageError(
      '--as-of',
      `must be a UTC time like 2026-01-31T08:00:00 or a day like 2026-01-31 (got "${value}")`,
    );
  }
  return new Date(ms);
}
