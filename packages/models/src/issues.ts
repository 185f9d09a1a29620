import type { z } from 'zod';

/** One broken rule of a request, with the field it concerns in the API's own notation. */
export interface FieldIssue {
  /** `tags[2].values[0]`; the empty string for the whole body. */
  path: string;
  /** What the rule says, e.g. `at most 10 values`. */
  message: string;
}

/** `['tags', 2, 'values', 0]` → `tags[2].values[0]`. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

/** Flattens zod's issues to one per field; an unknown key is reported at its own path. */
export function fieldIssuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: formatFieldPath([...issue.path, key]), message: 'unknown field' }))
      : [{ path: formatFieldPath(issue.path), message: issue.message }],
  );
}

/** `tags[2].values: at most 10 values; limit: must be a string of digits` */
export function describeFieldIssues(issues: readonly FieldIssue[]): string {
  return issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
}
