import { formatListingTime, formatSizeMb } from './human.js';

/** One column of a table or CSV: a header, the dotted path it reads, how a table shows it. */
export interface Column {
  header: string;
  path: string;
  human?: (value: unknown) => string;
}

const timePaths = /(^|\.)(created_at|updated_at|protected_at|expired_at|finished_at)$/;
const sizePaths = /(^|\.)extend_info\.size$/;

/** Columns for `--fields`: headers in upper case, human sizes and times where a path has them. */
export function columnsForFields(paths: readonly string[]): Column[] {
  return paths.map((path) => ({
    header: path.toUpperCase(),
    path,
    ...(timePaths.test(path)
      ? { human: formatListingTime }
      : sizePaths.test(path)
        ? { human: formatSizeMb }
        : {}),
  }));
}

export const checkpointItemColumns: Column[] = [
  { header: 'ID', path: 'id' },
  { header: 'NAME', path: 'name' },
  { header: 'STATUS', path: 'status' },
  { header: 'RESOURCE', path: 'extend_info.resource_name' },
  { header: 'AZ', path: 'extend_info.resource_az' },
  { header: 'SIZE', path: 'extend_info.size', human: formatSizeMb },
  { header: 'CREATED', path: 'created_at', human: formatListingTime },
];

/**
 * `backups query` rows, read from the resource as its backup (`backupOfResource`), so the
 * paths and headers are those of `backups list` and `--fields id,name,status` shows them.
 */
export const resourceColumns: Column[] = [
  { header: 'ID', path: 'id' },
  { header: 'NAME', path: 'name' },
  { header: 'STATUS', path: 'status' },
  { header: 'AZ', path: 'extend_info.resource_az' },
  { header: 'SIZE', path: 'extend_info.size', human: formatSizeMb },
  { header: 'CREATED', path: 'created_at', human: formatListingTime },
  { header: 'TAGS', path: 'tags' },
];

/** CSV keeps raw values and a few more columns than the table, in a fixed order so it can stream. */
export const checkpointItemCsvFields = [
  'id',
  'name',
  'status',
  'resource_id',
  'resource_type',
  'extend_info.resource_name',
  'extend_info.resource_az',
  'extend_info.size',
  'created_at',
  'updated_at',
  'tags',
];

/** The same backup fields for a query's resources (read as their backup). */
export const resourceCsvFields = checkpointItemCsvFields;

export type RecordKind = 'checkpoint-item' | 'resource' | 'setting';

export const settingColumns: Column[] = [
  { header: 'SETTING', path: 'setting' },
  { header: 'VALUE', path: 'value' },
  { header: 'SOURCE', path: 'source' },
];

export function defaultColumns(kind: RecordKind): Column[] {
  return kind === 'resource' ? resourceColumns : kind === 'setting' ? settingColumns : checkpointItemColumns;
}

export function defaultCsvFields(kind: RecordKind): string[] {
  if (kind === 'setting') return ['setting', 'value', 'source'];
  return kind === 'resource' ? resourceCsvFields : checkpointItemCsvFields;
}
