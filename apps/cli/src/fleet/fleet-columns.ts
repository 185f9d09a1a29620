import type { OutputSetup } from '../commands/output-setup.js';
import {
  type Column,
  columnsForFields,
  defaultColumns,
  defaultCsvFields,
  type RecordKind,
} from '../output/columns.js';

/** The columns of a fleet listing: the usual ones with the project first (unless --fields). */
export function fleetColumns(setup: OutputSetup, kind: RecordKind): Column[] {
  if (setup.fields) return columnsForFields(setup.fields);
  if (setup.format === 'csv') return columnsForFields(['project_id', ...defaultCsvFields(kind)]);
  return [{ header: 'PROJECT', path: 'project_id' }, ...defaultColumns(kind)];
}
