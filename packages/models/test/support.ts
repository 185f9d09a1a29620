import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { type FieldIssue, fieldIssuesOf } from '../src/index.js';

// `<repo root>/../shared/spec/examples`: CI clones the repository elsewhere with a copy of
// shared/ beside it, so the path is relative, never absolute.
const examplesDir = new URL('../../../../shared/spec/examples/', import.meta.url);

export function readExample(name: string): unknown {
  return JSON.parse(readFileSync(new URL(name, examplesDir), 'utf8'));
}

/** The issues a schema reports for an input, in the API's path notation; `[]` when valid. */
export function issuesOf(schema: z.ZodType, input: unknown): FieldIssue[] {
  const result = schema.safeParse(input);
  return result.success ? [] : fieldIssuesOf(result.error);
}
