import type { CheckpointItem } from '@csbs-kit/models';
import { backupFacts } from './backup-facts.js';
import { type BackupReport, buildReport, type ReportOptions } from './build-report.js';
import { addBackup, emptyReportState, mergeReportStates, type ReportState } from './report-state.js';

/**
 * One pass over backups, any number of pages and projects, into a report. Memory grows with
 * the number of groups, resources, failure kinds and months, not with the backups.
 *
 * ```ts
 * const acc = new ReportAccumulator({ by: ['team'] });
 * for await (const item of client.paginateCheckpointItems()) acc.add(item, client.projectId);
 * console.log(acc.report({ staleAfterMs: 7 * 86_400_000 }));
 * ```
 */
export class ReportAccumulator {
  #state: ReportState;

  constructor(options: { by?: readonly string[] } = {}) {
    this.#state = emptyReportState(options.by ?? []);
  }

  /** Adds one backup of `projectId`. */
  add(item: CheckpointItem, projectId: string): void {
    addBackup(this.#state, backupFacts(item, projectId));
  }

  /** Adds a page of backups of `projectId`. */
  addAll(items: Iterable<CheckpointItem>, projectId: string): void {
    for (const item of items) this.add(item, projectId);
  }

  /** Adds everything another accumulator has seen (a project walked apart, say). */
  merge(other: ReportAccumulator): void {
    this.#state = mergeReportStates(this.#state, other.#state);
  }

  /** How many backups were added so far. */
  get count(): number {
    return this.#state.total.count;
  }

  /** The report of what was added so far; the accumulator can keep going. */
  report(options: ReportOptions = {}): BackupReport {
    return buildReport(this.#state, options);
  }
}
