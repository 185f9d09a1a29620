import type { BackupReport } from '@csbs-kit/fleet/report';
import { formatCount, formatListingTime, formatSizeMb } from '../output/human.js';
import { barChart, columnChart, donutChart, escapeHtml } from './svg-charts.js';

const topGroups = 15;
const topStale = 15;
const tableRows = 50;

function table(columns: string[], rows: string[][]): string {
  if (rows.length === 0) return '<p class="none">None.</p>';
  const head = columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('');
  const body = rows
    .slice(0, tableRows)
    .map((r) => `<tr>${r.map((v) => `<td>${escapeHtml(v)}</td>`).join('')}</tr>`)
    .join('');
  const more =
    rows.length > tableRows ? `<p class="none">… and ${formatCount(rows.length - tableRows)} more.</p>` : '';
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>${more}`;
}

const css = `body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:960px;color:#222;padding:0 1rem}
h1{font-size:1.5rem;margin-bottom:.2rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ddd;padding-bottom:.3rem}
.meta{color:#666;font-size:.9rem}.cards{display:flex;gap:1rem;flex-wrap:wrap;margin:1rem 0}
.card{border:1px solid #ddd;border-radius:6px;padding:.6rem 1rem;min-width:8rem}.card b{display:block;font-size:1.3rem}
table{border-collapse:collapse;font-size:.85rem;width:100%}th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid #eee}
th{background:#f6f6f6}.none{color:#666;font-style:italic}svg text{fill:#333}`;

/**
 * One self-contained HTML file: inline CSS and inline SVG charts, no script, no fonts or
 * images to fetch, so it opens anywhere (a mail attachment, an offline laptop).
 */
export function renderHtmlReport(report: BackupReport): string {
  const failures = report.failures.reduce((s, f) => s + f.count, 0);
  const cards = [
    ['backups', formatCount(report.totals.backups)],
    ['stored', formatSizeMb(report.totals.size)],
    ['projects', formatCount(report.projects.length)],
    ['resources', formatCount(report.protection.length)],
    ['failed backups', formatCount(failures)],
    ...(report.stale_after_days === null
      ? []
      : [[`stale (> ${report.stale_after_days} d)`, formatCount(report.stale.length)]]),
  ]
    .map(([k, v]) => `<div class="card"><b>${escapeHtml(v as string)}</b>${escapeHtml(k as string)}</div>`)
    .join('');

  const months = columnChart(
    report.months.filter((m) => m.month !== '(unknown)').map((m) => ({ label: m.month, value: m.size })),
    { format: formatSizeMb, label: 'storage by month' },
  );
  const status = donutChart(
    report.totals.by_status.map((s) => ({ label: s.value, value: s.count })),
    { format: formatCount, label: 'status mix' },
  );
  const groups =
    report.by.length === 0
      ? '<p class="none">Run the report with --by KEY[,KEY] to group by tags.</p>'
      : barChart(
          report.groups.slice(0, topGroups).map((g) => ({
            label: report.by.map((k) => `${k}=${g.tags[k] ?? ''}`).join(', '),
            value: g.size,
          })),
          { format: formatSizeMb, label: 'top groups by storage' },
        );
  const staleRows = report.stale_after_days === null ? [] : report.stale;
  const staleChart =
    report.stale_after_days === null
      ? '<p class="none">Run the report with --stale 7d to list unprotected resources.</p>'
      : staleRows.length === 0
        ? '<p class="none">No stale resources.</p>'
        : barChart(
            staleRows.slice(0, topStale).map((r) => ({
              label: `${r.resource_name} (${r.project_id.slice(0, 8)})`,
              value: r.age_days ?? 0,
            })),
            { format: (n) => `${formatCount(n)} d`, label: 'stale resources by age' },
          );
  const staleTable = table(
    ['project', 'resource', 'name', 'newest available', 'age (days)', 'errors'],
    staleRows.map((r) => [
      r.project_id,
      r.resource_id,
      r.resource_name,
      r.newest_available === null ? 'none' : formatListingTime(r.newest_available),
      r.age_days === null ? '-' : String(r.age_days),
      String(r.errors),
    ]),
  );
  const failureTable = table(
    ['reason', 'AZ', 'count', 'newest'],
    report.failures.map((f) => [
      f.fail_reason,
      f.az,
      formatCount(f.count),
      f.newest ? formatListingTime(f.newest) : '-',
    ]),
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>CSBS backup report</title><style>${css}</style></head>
<body>
<h1>CSBS backup report</h1>
<p class="meta">Generated ${escapeHtml(report.generated_at)} · projects: ${escapeHtml(report.projects.join(', ') || '-')}</p>
<div class="cards">${cards}</div>
<h2>Storage by month</h2>
<figure id="chart-months">${months}</figure>
<h2>Status mix</h2>
<figure id="chart-status">${status}</figure>
<h2>Top groups${report.by.length ? ` by ${escapeHtml(report.by.join(', '))}` : ''}</h2>
<figure id="chart-groups">${groups}</figure>
<h2>Stale resources</h2>
<figure id="chart-stale">${staleChart}</figure>
${staleTable}
<h2>Failures by reason and AZ</h2>
${failureTable}
</body></html>
`;
}
