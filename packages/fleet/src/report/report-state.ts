import { type BackupFacts, noTag, tagValue } from './backup-facts.js';

/** A count of backups and their size in MB (`extend_info.size`). */
export interface Tally {
  count: number;
  size: number;
}

export interface GroupTally extends Tally {
  /** The `--by` keys' values, in the order of the keys; `(no tag)` where a backup lacks one. */
  values: string[];
  newestMs: number | undefined;
  oldestMs: number | undefined;
  failures: number;
}

export interface ResourceTally {
  projectId: string;
  resourceId: string;
  resourceName: string;
  backups: number;
  available: number;
  errors: number;
  /** The newest `available` backup with a readable `created_at`: in ms, and as sent. */
  newestAvailableMs: number | undefined;
  newestAvailableAt: string | undefined;
}

export interface FailureTally {
  failReason: string;
  az: string;
  count: number;
  newestMs: number | undefined;
}

/**
 * Everything a report is made from, as counters keyed by group, resource, failure and month:
 * its size grows with those, never with the number of backups. Two states merge, so a
 * fleet's state is the merge of its projects' states.
 */
export interface ReportState {
  by: readonly string[];
  projects: Set<string>;
  total: Tally;
  byStatus: Map<string, Tally>;
  byAz: Map<string, Tally>;
  byResourceType: Map<string, Tally>;
  groups: Map<string, GroupTally>;
  resources: Map<string, ResourceTally>;
  failures: Map<string, FailureTally>;
  /** `YYYY-MM` of `created_at` (`(unknown)` without one). */
  months: Map<string, Tally>;
}

export function emptyReportState(by: readonly string[] = []): ReportState {
  return {
    by: [...by],
    projects: new Set(),
    total: { count: 0, size: 0 },
    byStatus: new Map(),
    byAz: new Map(),
    byResourceType: new Map(),
    groups: new Map(),
    resources: new Map(),
    failures: new Map(),
    months: new Map(),
  };
}

const sep = '\u0000';

function tally(map: Map<string, Tally>, key: string, count: number, size: number): void {
  const t = map.get(key);
  if (t) {
    t.count += count;
    t.size += size;
  } else map.set(key, { count, size });
}

const maxOf = (a: number | undefined, b: number | undefined) =>
  a === undefined ? b : b === undefined ? a : Math.max(a, b);
const minOf = (a: number | undefined, b: number | undefined) =>
  a === undefined ? b : b === undefined ? a : Math.min(a, b);

export function monthOf(ms: number | undefined): string {
  return ms === undefined ? '(unknown)' : new Date(ms).toISOString().slice(0, 7);
}

const zoneless = /^\d{4}-\d{2}-\d{2}T[\d:.]*$/;

/** `monthOf` without a Date per backup when the time is a zoneless (UTC) listing time. */
function monthOfBackup(b: BackupFacts): string {
  return b.createdMs !== undefined && zoneless.test(b.createdAt)
    ? b.createdAt.slice(0, 7)
    : monthOf(b.createdMs);
}

/** Adds one backup to the state (in place: the one-pass hot path allocates only for new keys). */
export function addBackup(state: ReportState, b: BackupFacts): void {
  const failed = b.status === 'error';
  state.projects.add(b.projectId);
  state.total.count += 1;
  state.total.size += b.size;
  tally(state.byStatus, b.status, 1, b.size);
  tally(state.byAz, b.az, 1, b.size);
  tally(state.byResourceType, b.resourceType, 1, b.size);
  tally(state.months, monthOfBackup(b), 1, b.size);

  if (state.by.length > 0) {
    const values = state.by.map((key) => tagValue(b.tags, key) ?? noTag);
    addGroup(state, {
      values,
      count: 1,
      size: b.size,
      newestMs: b.createdMs,
      oldestMs: b.createdMs,
      failures: failed ? 1 : 0,
    });
  }

  const available = b.status === 'available';
  addResource(state, {
    projectId: b.projectId,
    resourceId: b.resourceId,
    resourceName: b.resourceName,
    backups: 1,
    available: available ? 1 : 0,
    errors: failed ? 1 : 0,
    newestAvailableMs: available ? b.createdMs : undefined,
    newestAvailableAt: available && b.createdMs !== undefined ? b.createdAt : undefined,
  });

  if (failed) addFailure(state, { failReason: b.failReason, az: b.az, count: 1, newestMs: b.createdMs });
}

function addGroup(state: ReportState, g: GroupTally): void {
  const key = g.values.join(sep);
  const t = state.groups.get(key);
  if (!t) {
    state.groups.set(key, { ...g, values: [...g.values] });
    return;
  }
  t.count += g.count;
  t.size += g.size;
  t.failures += g.failures;
  t.newestMs = maxOf(t.newestMs, g.newestMs);
  t.oldestMs = minOf(t.oldestMs, g.oldestMs);
}

function addResource(state: ReportState, r: ResourceTally): void {
  const key = r.projectId + sep + r.resourceId;
  const t = state.resources.get(key);
  if (!t) {
    state.resources.set(key, { ...r });
    return;
  }
  t.backups += r.backups;
  t.available += r.available;
  t.errors += r.errors;
  // The name of the newest backup wins, so a renamed server shows its current name.
  if (r.newestAvailableMs !== undefined && (t.newestAvailableMs ?? -Infinity) < r.newestAvailableMs) {
    t.newestAvailableMs = r.newestAvailableMs;
    t.newestAvailableAt = r.newestAvailableAt;
    t.resourceName = r.resourceName;
  }
}

function addFailure(state: ReportState, f: FailureTally): void {
  const key = f.failReason + sep + f.az;
  const t = state.failures.get(key);
  if (!t) {
    state.failures.set(key, { ...f });
    return;
  }
  t.count += f.count;
  t.newestMs = maxOf(t.newestMs, f.newestMs);
}

/** The state of both inputs' backups together; neither input changes. */
export function mergeReportStates(a: ReportState, b: ReportState): ReportState {
  if (a.by.join(sep) !== b.by.join(sep)) {
    throw new RangeError(`cannot merge reports grouped by different keys (${a.by} vs ${b.by})`);
  }
  const out = emptyReportState(a.by);
  for (const s of [a, b]) {
    for (const p of s.projects) out.projects.add(p);
    out.total.count += s.total.count;
    out.total.size += s.total.size;
    for (const [field, map] of [
      ['byStatus', s.byStatus],
      ['byAz', s.byAz],
      ['byResourceType', s.byResourceType],
      ['months', s.months],
    ] as const) {
      for (const [k, t] of map) tally(out[field], k, t.count, t.size);
    }
    for (const g of s.groups.values()) addGroup(out, g);
    for (const r of s.resources.values()) addResource(out, r);
    for (const f of s.failures.values()) addFailure(out, f);
  }
  return out;
}
