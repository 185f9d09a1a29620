import type { CheckpointItem } from '@csbs-kit/models';

/**
 * The few facts of one backup the report needs, read once from the wire shape. Service
 * data is untrusted: every field may be missing, `null`, or of another JSON type.
 */
export interface BackupFacts {
  projectId: string;
  status: string;
  az: string;
  resourceType: string;
  resourceId: string;
  resourceName: string;
  /** `extend_info.size` in MB, as the service sends it; 0 when missing or not a number. */
  size: number;
  /** `created_at` as milliseconds since the epoch, or undefined when missing or unreadable. */
  createdMs: number | undefined;
  /** `created_at` as sent. */
  createdAt: string;
  failReason: string;
  /** As sent (read with `tagValue`): no per-backup map, the hot path stays allocation-light. */
  tags: readonly { key: string; value?: string | null | undefined }[];
}

const noTags: BackupFacts['tags'] = [];

/** The value of a tag key (the first when repeated; `""` for a valueless tag), or undefined. */
export function tagValue(tags: BackupFacts['tags'], key: string): string | undefined {
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i];
    if (tag && tag.key === key) return typeof tag.value === 'string' ? tag.value : '';
  }
  return undefined;
}

/** What a missing value is shown as in every section. */
export const unknownValue = '(unknown)';
/** The group of backups that do not carry a `--by` key. */
export const noTag = '(no tag)';

const str = (v: unknown): string => (typeof v === 'string' && v !== '' ? v : unknownValue);

function sizeOf(v: unknown): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : 0;
  return Number.isFinite(n) && n > 0 ? n : 0;
}

/**
 * Listing times are UTC without a zone (`2026-01-31T08:00:00.000001`); a trailing `Z` or
 * offset is honoured when present.
 */
export function parseListingTime(value: unknown): number | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const zoned = /(?:Z|[+-]\d{2}:?\d{2})$/.test(value) ? value : `${value}Z`;
  const ms = Date.parse(zoned);
  return Number.isNaN(ms) ? undefined : ms;
}

export function backupFacts(item: CheckpointItem, projectId: string): BackupFacts {
  const info = item.extend_info ?? undefined;
  return {
    projectId,
    status: str(item.status),
    az: str(info?.resource_az),
    resourceType: str(item.resource_type ?? info?.resource_type),
    resourceId: str(item.resource_id),
    resourceName: str(info?.resource_name),
    size: sizeOf(info?.size),
    createdMs: parseListingTime(item.created_at),
    createdAt: typeof item.created_at === 'string' ? item.created_at : '',
    failReason: str(info?.fail_reason),
    tags: Array.isArray(item.tags) ? item.tags : noTags,
  };
}
