import type { z } from 'zod';
import { type FieldIssue, formatFieldPath } from './field-issues.js';

/** Flattens zod's issues to one per field; an unknown key is reported at its own path. */
export function fieldIssuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: formatFieldPath([...issue.path, key]), message: 'unknown field' }))
      : [{ path: formatFieldPath(issue.path), message: issue.message }],
  );
}
