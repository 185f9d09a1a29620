// The public API of @csbs-kit/fleet/report: pure aggregation of backups into a report,
// without I/O, listed deliberately.
export {
  type BackupFacts,
  backupFacts,
  noTag,
  parseListingTime,
  tagValue,
  unknownValue,
} from './backup-facts.js';
export {
  type BackupReport,
  buildReport,
  type FailureRow,
  type GroupRow,
  isStale,
  type MonthRow,
  type ProtectionRow,
  type ReportOptions,
  type ReportSection,
  reportSections,
  type TallyRow,
} from './build-report.js';
export { ReportAccumulator } from './report-accumulator.js';
export {
  addBackup,
  emptyReportState,
  mergeReportStates,
  monthOf,
  type ReportState,
} from './report-state.js';
