import { type SortDirection, type SortKey, sortDirections, sortKeys } from './enums.js';
import { listingLimits } from './limits.js';

export interface SortField {
  key: SortKey;
  direction: SortDirection;
}

export type SortParseResult = { ok: true; fields: SortField[] } | { ok: false; message: string };

const isSortKey = (s: string): s is SortKey => (sortKeys as readonly string[]).includes(s);
const isDirection = (s: string): s is SortDirection => (sortDirections as readonly string[]).includes(s);

/**
 * Reads the listing's `sort` grammar, `key1[:dir],key2[:dir]`, with `desc` as the default
 * direction. Returns the reason instead of throwing so that schemas and the emulator can
 * each report it in their own form.
 */
export function parseSort(sort: string): SortParseResult {
  if (sort.length > listingLimits.maxSortLength) {
    return { ok: false, message: `at most ${listingLimits.maxSortLength} characters` };
  }
  if (sort.trim() === '') return { ok: false, message: 'must name at least one sort key' };
  const fields: SortField[] = [];
  for (const part of sort.split(',')) {
    const [rawKey = '', rawDirection, extra] = part.split(':').map((s) => s.trim());
    if (extra !== undefined) return { ok: false, message: `"${part}" is not key[:asc|desc]` };
    if (!isSortKey(rawKey)) {
      return { ok: false, message: `unknown sort key "${rawKey}" (expected one of ${sortKeys.join(', ')})` };
    }
    const direction = rawDirection === undefined || rawDirection === '' ? 'desc' : rawDirection;
    if (!isDirection(direction)) {
      return {
        ok: false,
        message: `unknown sort direction "${rawDirection}" for ${rawKey} (expected asc or desc)`,
      };
    }
    if (fields.some((f) => f.key === rawKey))
      return { ok: false, message: `sort key "${rawKey}" given twice` };
    fields.push({ key: rawKey, direction });
  }
  return { ok: true, fields };
}

export function formatSort(fields: readonly SortField[]): string {
  return fields.map((f) => `${f.key}:${f.direction}`).join(',');
}
