import { CliUsageError } from '../errors.js';

const fieldPattern = /^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/;

/** `id,name,extend_info.resource_az` → the paths, each checked for shape. */
export function parseFieldList(text: string): string[] {
  const fields = text.split(',').map((f) => f.trim());
  for (const field of fields) {
    if (!fieldPattern.test(field)) {
      throw new CliUsageError(
        '--fields',
        field === ''
          ? 'must be a comma-separated list of fields such as id,name,extend_info.resource_az'
          : `"${field}" is not a field path such as extend_info.resource_az`,
      );
    }
  }
  return [...new Set(fields)];
}

/** The value at a dotted path; array elements by number (`tags.0.key`). */
export function valueAt(record: unknown, path: string): unknown {
  let current = record;
  for (const part of path.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    if (!Object.hasOwn(current, part)) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/**
 * A copy with only the given paths, nested as in the original, so that JSON and YAML keep
 * the wire shape (`{"extend_info": {"resource_az": ...}}`). A missing path becomes `null`
 * so every record has the same keys.
 */
export function pickFields(record: unknown, paths: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const path of paths) {
    const parts = path.split('.');
    let target = out;
    for (const part of parts.slice(0, -1)) {
      const next = target[part];
      if (typeof next !== 'object' || next === null || Array.isArray(next)) target[part] = {};
      target = target[part] as Record<string, unknown>;
    }
    const value = valueAt(record, path);
    target[parts.at(-1)!] = value === undefined ? null : value;
  }
  return out;
}

const isTagList = (value: unknown[]): value is { key: unknown; value: unknown }[] =>
  value.every((t) => typeof t === 'object' && t !== null && 'key' in t);

/** One value as the text of a CSV or table cell; tags read as `env=prod,tier=web`. */
export function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  if (Array.isArray(value) && isTagList(value)) {
    return value
      .map((t) => (t.value == null ? String(t.key) : `${String(t.key)}=${String(t.value)}`))
      .join(',');
  }
  return JSON.stringify(value);
}

/** Every leaf path of a record, in order, for `show` and for CSV of whole records. */
export function leafPaths(record: unknown, prefix = ''): string[] {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return prefix ? [prefix] : [];
  const entries = Object.entries(record);
  if (entries.length === 0) return prefix ? [prefix] : [];
  return entries.flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? leafPaths(value, path)
      : [path];
  });
}
