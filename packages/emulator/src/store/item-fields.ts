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

const digitAt = (value: string, at: number): number => value.charCodeAt(at) - 48;

/** The number of `width` digits at `at`, or -1 when one of them is not a digit. */
function digitsOf(value: string, at: number, width: number): number {
  let n = 0;
  for (let i = at; i < at + width; i++) {
    const d = digitAt(value, i);
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

const daysInMonth = (year: number, month: number): number =>
  month === 2
    ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
      ? 29
      : 28
    : month === 4 || month === 6 || month === 9 || month === 11
      ? 30
      : 31;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Microseconds a day. */
const dayMicros = 86_400_000_000;

/**
 * Microseconds since the epoch of a time in the normal form of `normalizeTime`
 * (`YYYY-MM-DDTHH:MM:SS.ffffff`, a real calendar date and time of day), or -1 for any other
 * text and for times outside [1970, 2^53 µs (June 2255)] (what a `MicrosColumn` holds). Within those the map is one to one and keeps the order: the fixed-width text
 * compares field by field from the year down, and so do the microseconds; and
 * `listingTimeOfMicros` writes the text back exactly.
 */
export function microsOfNormalTime(value: string): number {
  if (
    value.length !== 26 ||
    value.charCodeAt(4) !== 45 ||
    value.charCodeAt(7) !== 45 ||
    value.charCodeAt(10) !== 84 ||
    value.charCodeAt(13) !== 58 ||
    value.charCodeAt(16) !== 58 ||
    value.charCodeAt(19) !== 46
  )
    return -1;
  const year = digitsOf(value, 0, 4);
  const month = digitsOf(value, 5, 2);
  const day = digitsOf(value, 8, 2);
  const hours = digitsOf(value, 11, 2);
  const minutes = digitsOf(value, 14, 2);
  const seconds = digitsOf(value, 17, 2);
  const fraction = digitsOf(value, 20, 6);
  if (year < 1970 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return -1;
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59 || seconds < 0 || seconds > 59 || fraction < 0)
    return -1;
  const micros =
    daysFromCivil(year, month, day) * dayMicros +
    ((hours * 60 + minutes) * 60 + seconds) * 1_000_000 +
    fraction;
  return micros <= Number.MAX_SAFE_INTEGER ? micros : -1;
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
