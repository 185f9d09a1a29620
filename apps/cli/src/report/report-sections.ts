import type { BackupReport, ReportSection } from '@csbs-kit/fleet/report';

/** One section as rows of plain values: what CSV prints and the text report lays out. */
export interface SectionTable {
  title: string;
  columns: string[];
  rows: (string | number | null)[][];
}

export function sectionTable(report: BackupReport, section: ReportSection): SectionTable {
  const tally = (title: string, name: string, rows: BackupReport['totals']['by_status']) => ({
    title,
    columns: [name, 'backups', 'size_mb'],
    rows: rows.map((r) => [r.value, r.count, r.size]),
  });
  switch (section) {
    case 'totals':
      return {
        title: 'Totals',
        columns: ['projects', 'backups', 'size_mb', 'resources', 'failures', 'stale'],
        rows: [
          [
            report.projects.length,
            report.totals.backups,
            report.totals.size,
            report.protection.length,
            report.failures.reduce((s, f) => s + f.count, 0),
            report.stale_after_days === null ? null : report.stale.length,
          ],
        ],
      };
    case 'status':
      return tally('By status', 'status', report.totals.by_status);
    case 'az':
      return tally('By availability zone', 'az', report.totals.by_az);
    case 'resource-type':
      return tally('By resource type', 'resource_type', report.totals.by_resource_type);
    case 'groups':
      return {
        title: `By tag ${report.by.join(', ')}`,
        columns: [...report.by, 'backups', 'size_mb', 'failures', 'newest', 'oldest'],
        rows: report.groups.map((g) => [
          ...report.by.map((k) => g.tags[k] ?? ''),
          g.count,
          g.size,
          g.failures,
          g.newest,
          g.oldest,
        ]),
      };
    case 'protection':
    case 'stale': {
      const rows = section === 'stale' ? report.stale : report.protection;
      return {
        title:
          section === 'stale'
            ? `Stale: no available backup in the last ${report.stale_after_days ?? '?'} days`
            : 'Protection per resource (least protected first)',
        columns: [
          'project_id',
          'resource_id',
          'resource_name',
          'newest_available',
          'age_days',
          'backups',
          'errors',
        ],
        rows: rows.map((r) => [
          r.project_id,
          r.resource_id,
          r.resource_name,
          r.newest_available,
          r.age_days,
          r.backups,
          r.errors,
        ]),
      };
    }
    case 'failures':
      return {
        title: 'Failures by reason and AZ (newest first)',
        columns: ['fail_reason', 'az', 'count', 'newest'],
        rows: report.failures.map((f) => [f.fail_reason, f.az, f.count, f.newest]),
      };
    case 'months':
      return {
        title: 'Backups and storage by month of created_at',
        columns: ['month', 'backups', 'size_mb'],
        rows: report.months.map((m) => [m.month, m.count, m.size]),
      };
  }
}
