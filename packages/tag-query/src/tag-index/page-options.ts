import { TagIndexPageError } from '../errors.js';

/** Which slice of the ordered matches `select` returns; by default all of them. */
export interface TagIndexPage {
  /** Matches to skip, default 0. */
  offset?: number;
  /** Most matches to return, default unlimited. */
  limit?: number;
}

/** `value` checked as an offset or limit, or `fallback` when not given. */
export function checkPageNumber(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const ok = value === Number.POSITIVE_INFINITY || (Number.isSafeInteger(value) && value >= 0);
  if (!ok) throw new TagIndexPageError(`${name} must be a non-negative integer, got ${String(value)}`);
  return value;
}
