/**
 * The closed vocabularies of the CSBS reference pages. Requests may only send these values;
 * responses keep whatever the service sends (see the Decisions of docs/api.md on `"aviable"`).
 */

export const checkpointStatuses = [
  'waiting_protect',
  'protecting',
  'available',
  'waiting_restore',
  'restoring',
  'error',
  'waiting_delete',
  'deleting',
  'deleted',
] as const;
export type CheckpointStatus = (typeof checkpointStatuses)[number];

export const sortKeys = ['created_at', 'updated_at', 'name', 'status', 'protected_at', 'id'] as const;
export type SortKey = (typeof sortKeys)[number];

export const sortDirections = ['asc', 'desc'] as const;
export type SortDirection = (typeof sortDirections)[number];

export const copyStatuses = ['na', 'replica_copy', 'copying', 'success', 'fail'] as const;
export type CopyStatus = (typeof copyStatuses)[number];

export const failOps = ['backup', 'restore', 'delete', 'verify', 'copy'] as const;
export type FailOp = (typeof failOps)[number];

export const supportedRestoreModes = ['na', 'snapshot', 'backup'] as const;
export type SupportedRestoreMode = (typeof supportedRestoreModes)[number];

export const backupImageTypes = ['gold', 'private', 'market', ''] as const;
export type BackupImageType = (typeof backupImageTypes)[number];

export const resourceInstancesActions = ['filter', 'count'] as const;
export type ResourceInstancesAction = (typeof resourceInstancesActions)[number];

/** The only key a tag-query `matches` entry may use. */
export const matchKeys = ['resource_name'] as const;
export type MatchKey = (typeof matchKeys)[number];
