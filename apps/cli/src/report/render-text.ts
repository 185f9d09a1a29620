import type { BackupReport, ReportSection } from '@csbs-kit/fleet/report';
import { formatCount, formatListingTime, formatSizeMb } from '../output/human.js';
import { escapeControls } from '../output/terminal-text.js';
import { type SectionTable, sectionTable } from './report-sections.js';

/** Rows shown per long section on a terminal; JSON, YAML and CSV always carry them all. */
export const textRowLimit = 20;

function cell(column: string, value: string | number | null): string {
  if (value === null) return '-';
  if (typeof value === 'number') return column === 'size_mb' ? formatSizeMb(value) : formatCount(value);
  if (column === 'newest' || column === 'oldest' || column === 'newest_available')
    return formatListingTime(value);
  return escapeControls(value);
}

const numeric = (column: string) =>
  [
    'backups',
    'size_mb',
    'failures',
    'count',
    'age_days',
    'errors',
    'projects',
    'resources',
    'stale',
  ].includes(column);

function layout(table: SectionTable, bold: (s: string) => string): string {
  const shown = table.rows.slice(0, textRowLimit);
  const header = table.columns.map((c) => c.toUpperCase().replace(/_MB$/, ''));
  const cells = shown.map((row) => row.map((v, i) => cell(table.columns[i] as string, v)));
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] as string).length)));
  const line = (values: string[]) =>
    `  ${values
      .map((v, i) =>
        numeric(table.columns[i] as string) ? v.padStart(widths[i] as number) : v.padEnd(widths[i] as number),
      )
      .join('  ')
      .trimEnd()}`;
  const out = [bold(table.title), line(header)];
  for (const row of cells) out.push(line(row));
  if (table.rows.length === 0) out.push('  (none)');
  if (table.rows.length > shown.length) {
    out.push(`  … ${formatCount(table.rows.length - shown.length)} more (-o json, or -o csv --section)`);
  }
  return out.join('\n');
}

/** The multi-section report a person reads on a terminal. */
export function renderTextReport(report: BackupReport, bold: (s: string) => string = (s) => s): string {
  const projects =
    report.projects.length <= 5
      ? report.projects.map((p) => escapeControls(p)).join(', ')
      : `${report.projects
          .slice(0, 5)
          .map((p) => escapeControls(p))
          .join(', ')} and ${report.projects.length - 5} more`;
  const head = [
    bold(
      `Backup report: ${formatCount(report.totals.backups)} backups, ${formatSizeMb(report.totals.size)}, ${report.projects.length} project${report.projects.length === 1 ? '' : 's'}`,
    ),
    `  projects: ${projects || '-'}`,
    `  generated: ${report.generated_at}`,
  ].join('\n');
  const sections: ReportSection[] = ['status', 'az', 'resource-type'];
  if (report.by.length > 0) sections.push('groups');
  sections.push(report.stale_after_days === null ? 'protection' : 'stale', 'failures', 'months');
  return `${[head, ...sections.map((s) => layout(sectionTable(report, s), bold))].join('\n\n')}\n`;
}
