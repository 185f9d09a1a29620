import type { BackupReport, ReportSection } from '@csbs-kit/fleet/report';
import { csvRow } from '../output/csv.js';
import { sectionTable } from './report-sections.js';

/** One section as CSV: raw values (sizes in MB, times as sent), a header row first. */
export function renderCsvSection(report: BackupReport, section: ReportSection): string {
  const table = sectionTable(report, section);
  let out = csvRow(table.columns);
  for (const row of table.rows) out += csvRow(row.map((v) => (v === null ? '' : String(v))));
  return out;
}
