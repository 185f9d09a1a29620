const units = ['MB', 'GB', 'TB', 'PB'] as const;

/**
 * `extend_info.size` is in MB; a table shows `512 MB`, `1.5 GB`, `20 GB` (1024 based, as
 * the console does). Anything that is not a finite, non-negative number is shown as given.
 */
export function formatSizeMb(size: unknown): string {
  const n = typeof size === 'string' && size.trim() !== '' ? Number(size) : size;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) return size == null ? '' : String(size);
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const shown = unit === 0 || value >= 100 ? Math.round(value) : Math.round(value * 10) / 10;
  return `${shown} ${units[unit]}`;
}

const listingTime = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Listing times carry no zone and are UTC: a table shows `2017-04-18 01:21 UTC`, which
 * sorts and reads well. Text in another shape is shown unchanged.
 */
export function formatListingTime(time: unknown): string {
  if (typeof time !== 'string') return time == null ? '' : String(time);
  const m = listingTime.exec(time);
  if (!m || (m[5] && m[5] !== 'Z')) return time;
  return `${m[1]} ${m[2]} UTC`;
}

/** `12345` → `12,345`, for counts and progress. */
export function formatCount(n: number): string {
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
