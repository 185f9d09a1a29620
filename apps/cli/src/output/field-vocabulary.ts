import { CliUsageError } from '../errors.js';
import type { RecordKind } from './columns.js';

/**
 * The top-level fields of a backup (checkpoint item) as the reference documents them; a
 * test holds this list equal to the models' schema. `--fields` takes these, and dotted
 * paths below them (`extend_info.resource_az`, `tags.0.key`) are free, as the service
 * nests whatever it likes there.
 */
export const backupFieldNames = [
  'id',
  'checkpoint_id',
  'name',
  'description',
  'status',
  'resource_id',
  'resource_type',
  'created_at',
  'updated_at',
  'protected_at',
  'expired_at',
  'periodic_type',
  'progress',
  'policy_id',
  'tags',
  'backup_data',
  'extend_info',
  'replication_records',
] as const;

const settingFieldNames = ['setting', 'value', 'source'] as const;

/**
 * `backups list` and `backups query` show the same thing, a backup, so they share one
 * field vocabulary: a tag-query resource is read as its backup (`resource_detail`, which
 * the reference says is the whole checkpoint item), with the resource's own `tags`.
 */
export function backupOfResource(resource: unknown): unknown {
  if (typeof resource !== 'object' || resource === null) return resource;
  const r = resource as {
    resource_id?: unknown;
    resource_name?: unknown;
    resource_detail?: unknown;
    tags?: unknown;
  };
  const detail =
    typeof r.resource_detail === 'object' && r.resource_detail !== null
      ? (r.resource_detail as Record<string, unknown>)
      : {};
  return {
    ...detail,
    id: detail.id ?? r.resource_id,
    name: detail.name ?? r.resource_name,
    tags: r.tags ?? detail.tags,
  };
}

/** Refuses a `--fields` path whose first name no record of this kind has, listing the known ones. */
export function checkFieldNames(paths: readonly string[], kind: RecordKind): void {
  const known: readonly string[] = kind === 'setting' ? settingFieldNames : backupFieldNames;
  const unknown = paths.filter((path) => !known.includes(path.split('.')[0]!));
  if (unknown.length === 0) return;
  const nested = kind === 'setting' ? '' : '; dotted paths reach inside them, e.g. extend_info.resource_az';
  throw new CliUsageError(
    '--fields',
    `unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')}; known: ${known.join(', ')}${nested}`,
  );
}
