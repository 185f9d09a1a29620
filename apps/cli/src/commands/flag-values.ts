import { CliUsageError } from '../errors.js';

/** A whole number flag within a range: `--max 0` or `--limit abc` is a usage error. */
export function wholeNumberFlag(
  flag: string,
  text: unknown,
  range: { min: number; max?: number },
): number | undefined {
  if (text === undefined) return undefined;
  const value = typeof text === 'string' && /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
  const within = `${range.min}${range.max === undefined ? ' or more' : `..${range.max}`}`;
  if (!Number.isSafeInteger(value))
    throw new CliUsageError(flag, `must be a whole number ${within} (got "${String(text)}")`);
  if (value < range.min || (range.max !== undefined && value > range.max)) {
    throw new CliUsageError(flag, `must be ${within} (got ${value})`);
  }
  return value;
}

/** A text flag: trimmed, and refused when empty so that `--name ""` is not silently ignored. */
export function textFlag(flag: string, text: unknown): string | undefined {
  if (text === undefined) return undefined;
  if (typeof text !== 'string' || text.trim() === '') throw new CliUsageError(flag, 'must not be empty');
  return text.trim();
}
