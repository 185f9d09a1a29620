import type { CheckpointItem, SortKey } from '@csbs-kit/models';

const timePattern = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(?:Z|[+-]00:?00)?$/;

/**
 * A listing time in one comparable form: `YYYY-MM-DDTHH:MM:SS.ffffff`, the fraction padded
 * (or cut) to six digits, so `…:52.7` and `…:52.700000` compare equal as the instants they
 * are. Text that is not such a time is kept as it is; a missing value is the empty string.
 */
export function normalizeTime(value: unknown): string {
  if (typeof value !== 'string') return '';
  // Already in the normal form (what the generator and the service write): keep the string.
  if (value.length === 26 && value.charCodeAt(19) === 46 && value.charCodeAt(10) === 84) return value;
  const m = timePattern.exec(value);
  if (!m) return value;
  return `${m[1]}.${(m[2] ?? '').padEnd(6, '0').slice(0, 6)}`;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The value a sort key reads from an item; missing values sort as the empty string. */
export function sortValueOf(item: CheckpointItem, key: SortKey): string {
  switch (key) {
    case 'created_at':
    case 'updated_at':
    case 'protected_at':
      return normalizeTime(item[key]);
    default:
      return text(item[key]);
  }
}

export const azOf = (item: CheckpointItem): string => text(item.extend_info?.resource_az);
export const resourceNameOf = (item: CheckpointItem): string => text(item.extend_info?.resource_name);
export const imageTypeOf = (item: CheckpointItem): string => text(item.extend_info?.image_type);
export { text as textOf };
