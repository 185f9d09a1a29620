/*
 * How every csbs-kit package writes a broken rule: `tags[2].values[0]: at most 255
 * characters`. One formatter, so a message reads the same from the schema, the client, the
 * emulator and the CLI. Zod-free (fieldIssuesOf, which reads zod's issues, is in issues.ts).
 */

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

/** `tags[2].values: at most 10 values`, or the rule alone for the whole input. */
export function formatFieldIssue(issue: FieldIssue): string {
  return issue.path ? `${issue.path}: ${issue.message}` : issue.message;
}

/** `tags[2].values: at most 10 values; limit: must be a string of digits` */
export function describeFieldIssues(issues: readonly FieldIssue[]): string {
  return issues.map(formatFieldIssue).join('; ');
}
