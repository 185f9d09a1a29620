import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { type FieldIssue, fieldIssuesOf } from '../src/index.js';

// The reference pages' example bodies, committed with the repository (fixtures/spec-examples).
const examplesDir = new URL('../../../fixtures/spec-examples/', import.meta.url);

export function readExample(name: string): unknown {
  return JSON.parse(readFileSync(new URL(name, examplesDir), 'utf8'));
}

/** The issues a schema reports for an input, in the API's path notation; `[]` when valid. */
export function issuesOf(schema: z.ZodType, input: unknown): FieldIssue[] {
  const result = schema.safeParse(input);
  return result.success ? [] : fieldIssuesOf(result.error);
}
