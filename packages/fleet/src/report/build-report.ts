import type { ReportState, Tally } from './report-state.js';

const dayMs = 86_400_000;

export interface ReportOptions {
  /** Resources whose newest `available` backup is older than this (or that have none) are stale. */
  staleAfterMs?: number;
  /** The moment ages are measured from; default now. */
  now?: Date;
  /** Keep at most this many rows of the protection section (the oldest first); default all. */
  maxResources?: number;
}

export interface TallyRow extends Tally {
  value: string;
}

export interface GroupRow {
  /** One entry per `--by` key. */
  tags: Record<string, string>;
  count: number;
  size: number;
  newest: string | null;
  oldest: string | null;
  failures: number;
}

export interface ProtectionRow {
  project_id: string;
  resource_id: string;
  resource_name: string;
  backups: number;
  available: number;
  errors: number;
  /** `created_at` of the newest `available` backup, or null when there is none (with a readable time). */
  newest_available: string | null;
  /** Whole days since then, or null. */
  age_days: number | null;
}

export interface FailureRow {
  fail_reason: string;
  az: string;
  count: number;
  newest: string | null;
}

export interface MonthRow {
  month: string;
  count: number;
  size: number;
}

/** A backup report: plain JSON data, the same for one project or a fleet. */
export interface BackupReport {
  generated_at: string;
  projects: string[];
  by: string[];
  stale_after_days: number | null;
  totals: {
    backups: number;
    size: number;
    by_status: TallyRow[];
    by_az: TallyRow[];
    by_resource_type: TallyRow[];
  };
  groups: GroupRow[];
  protection: ProtectionRow[];
  stale: ProtectionRow[];
  failures: FailureRow[];
  months: MonthRow[];
}

/** The sections `-o csv --section` can print, in report order. */
export const reportSections = [
  'totals',
  'status',
  'az',
  'resource-type',
  'groups',
  'protection',
  'stale',
  'failures',
  'months',
] as const;
export type ReportSection = (typeof reportSections)[number];

const iso = (ms: number | undefined): string | null =>
  ms === undefined ? null : new Date(ms).toISOString().replace('Z', '');

const round = (n: number) => Math.round(n * 1000) / 1000;

function rows(map: Map<string, Tally>): TallyRow[] {
  return [...map]
    .map(([value, t]) => ({ value, count: t.count, size: round(t.size) }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Whether a resource is stale at `nowMs`: it has no available backup, or the newest is
 * older than the bound. An available backup whose time cannot be read proves nothing.
 */
export function isStale(newestAvailableMs: number | undefined, nowMs: number, staleAfterMs: number): boolean {
  return newestAvailableMs === undefined || nowMs - newestAvailableMs > staleAfterMs;
}

/** The report of a state: every section sorted, ages measured from `now`. Pure. */
export function buildReport(state: ReportState, options: ReportOptions = {}): BackupReport {
  const nowMs = (options.now ?? new Date()).getTime();
  const protection: ProtectionRow[] = [];
  const stale: ProtectionRow[] = [];
  for (const r of state.resources.values()) {
    const row: ProtectionRow = {
      project_id: r.projectId,
      resource_id: r.resourceId,
      resource_name: r.resourceName,
      backups: r.backups,
      available: r.available,
      errors: r.errors,
      newest_available: r.newestAvailableAt ?? null,
      age_days: r.newestAvailableMs === undefined ? null : Math.floor((nowMs - r.newestAvailableMs) / dayMs),
    };
    protection.push(row);
    if (options.staleAfterMs !== undefined && isStale(r.newestAvailableMs, nowMs, options.staleAfterMs)) {
      stale.push(row);
    }
  }
  // Least protected first: no available backup, then the oldest.
  const exposure = (a: ProtectionRow, b: ProtectionRow) =>
    (b.age_days ?? Infinity) - (a.age_days ?? Infinity) ||
    byText(a.project_id, b.project_id) ||
    byText(a.resource_id, b.resource_id);
  protection.sort(exposure);
  stale.sort(exposure);

  const groups: GroupRow[] = [...state.groups.values()]
    .map((g) => ({
      tags: Object.fromEntries(state.by.map((key, i) => [key, g.values[i] ?? ''])),
      count: g.count,
      size: round(g.size),
      newest: iso(g.newestMs),
      oldest: iso(g.oldestMs),
      failures: g.failures,
    }))
    .sort(
      (a, b) =>
        b.size - a.size || b.count - a.count || byText(JSON.stringify(a.tags), JSON.stringify(b.tags)),
    );

  const failures: FailureRow[] = [...state.failures.values()]
    .map((f) => ({
      fail_reason: f.failReason,
      az: f.az,
      count: f.count,
      newest: iso(f.newestMs),
      ms: f.newestMs,
    }))
    .sort(
      (a, b) =>
        (b.ms ?? -Infinity) - (a.ms ?? -Infinity) ||
        b.count - a.count ||
        byText(a.fail_reason, b.fail_reason) ||
        byText(a.az, b.az),
    )
    .map(({ ms: _ms, ...row }) => row);

  const months: MonthRow[] = [...state.months]
    .map(([month, t]) => ({ month, count: t.count, size: round(t.size) }))
    .sort((a, b) => byText(a.month, b.month));

  const limited = options.maxResources === undefined ? protection : protection.slice(0, options.maxResources);
  return {
    generated_at: new Date(nowMs).toISOString(),
    projects: [...state.projects].sort(byText),
    by: [...state.by],
    stale_after_days: options.staleAfterMs === undefined ? null : options.staleAfterMs / dayMs,
    totals: {
      backups: state.total.count,
      size: round(state.total.size),
      by_status: rows(state.byStatus),
      by_az: rows(state.byAz),
      by_resource_type: rows(state.byResourceType),
    },
    groups,
    protection: limited,
    stale,
    failures,
    months,
  };
}
