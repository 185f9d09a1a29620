import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import * as models from '../src/index.js';

// Every exported schema, found by name so that a new one is covered without editing this file.
const schemas = (Object.entries(models) as [string, unknown][]).filter(
  (entry): entry is [string, z.ZodType] => entry[0].endsWith('Schema') && typeof entry[1] === 'object',
);

/** The keys a schema knows, so that generated objects reach past the first level. */
function knownKeys(schema: z.ZodType): string[] {
  const shape = (schema as { shape?: Record<string, unknown> }).shape;
  const own = shape ? Object.keys(shape) : [];
  return [...new Set([...own, 'action', 'tags', 'key', 'values', 'value', 'id', 'extend_info', 'error'])];
}

describe('no schema throws, whatever it is given', () => {
  it('covers every exported schema', () => {
    expect(schemas.length).toBeGreaterThan(20);
  });

  it.each(schemas)('%s.safeParse only returns', (_, schema) => {
    const keys = knownKeys(schema);
    const shaped = fc.dictionary(fc.constantFrom(...keys), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 });
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue({ maxDepth: 3 }), shaped, fc.anything({ maxDepth: 2 })), (input) => {
        const result = schema.safeParse(input);
        expect(typeof result.success).toBe('boolean');
      }),
      { numRuns: 60 },
    );
  });

  it('readErrorBody and the request helpers only return', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 3 }), fc.string(), (input, text) => {
        const details = models.readErrorBody(input);
        expect(details === undefined || typeof details === 'object').toBe(true);
        expect(typeof models.parseSort(text).ok).toBe('boolean');
        expect(typeof models.isListingTime(text)).toBe('boolean');
        const params = new URLSearchParams([
          ['limit', text],
          ['all_tenants', text],
          ['sort', text],
          ['start_time', text],
        ]);
        expect(typeof models.listCheckpointItemsQueryFromSearchParams(params).ok).toBe('boolean');
      }),
    );
  });
});
