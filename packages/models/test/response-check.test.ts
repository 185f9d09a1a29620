import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as models from '../src/index.js';
import {
  backupDataSchema,
  checkpointItemSchema,
  extendInfoSchema,
  failCodeSchema,
  fieldIssuesOf,
  imageDataSchema,
  listCheckpointItemsResponseSchema,
  resourceInstancesFilterResponseSchema,
  responseCheckOf,
  responseTagSchema,
  safeParseResponse,
  volumeBackupSchema,
} from '../src/index.js';
import { checkpointItem, fullItem, replacements } from './response-arbitraries.js';
import { readExample } from './support.js';

/*
 * The fast check must say "valid" exactly when zod does, and the fast path must hand back
 * the input itself. Inputs: arbitrary JSON, JSON shaped like the responses, valid items, and
 * valid items with one documented field replaced by every JSON type or removed.
 */

const exported = (Object.entries(models) as [string, unknown][]).filter(
  (entry): entry is [string, z.ZodType] => entry[0].endsWith('Schema') && typeof entry[1] === 'object',
);
const compiledNames = exported.filter(([, s]) => responseCheckOf(s) !== undefined).map(([n]) => n);
const compiled = exported.filter(([n]) => compiledNames.includes(n));

/** Checks one input against one schema: same verdict, identity on the fast path, zod's issues otherwise. */
function expectAgreement(schema: z.ZodType, input: unknown, json = true): boolean {
  const check = responseCheckOf(schema) as (value: unknown) => boolean;
  const slow = schema.safeParse(input);
  expect(check(input)).toBe(slow.success);
  const result = safeParseResponse(schema, input);
  expect(result.success).toBe(slow.success);
  if (result.success) {
    expect(result.data).toBe(input);
    // The reason identity is allowed: the lenient schema's own output equals its input
    // (bar an own `__proto__` key, which zod's copy leaves out; see the test below).
    if (json && slow.success && !hasProtoKey(input)) expect(slow.data).toStrictEqual(input);
  } else if (!slow.success) {
    expect(fieldIssuesOf(result.error)).toEqual(fieldIssuesOf(slow.error));
  }
  return slow.success;
}

/** Whether a JSON value has an own `__proto__` key anywhere (JSON.parse makes such keys). */
function hasProtoKey(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (!Array.isArray(value) && Object.hasOwn(value, '__proto__')) return true;
  return Object.values(value).some(hasProtoKey);
}

const keys = (schema: z.ZodObject) => Object.keys(schema.shape);
/** Every documented field of an item, and every list element, as a path into `fullItem`. */
const documentedPaths: (string | number)[][] = [
  ...keys(checkpointItemSchema).map((k) => [k]),
  ...keys(responseTagSchema).map((k) => ['tags', 0, k]),
  ...keys(backupDataSchema).map((k) => ['backup_data', k]),
  ...keys(extendInfoSchema).map((k) => ['extend_info', k]),
  ...keys(failCodeSchema).map((k) => ['extend_info', 'fail_code', k]),
  ...keys(volumeBackupSchema).map((k) => ['extend_info', 'volume_backups', 0, k]),
  ...keys(imageDataSchema).map((k) => ['extend_info', 'os_images_data', 0, k]),
  ['tags', 0],
  ['extend_info', 'volume_backups', 0],
  ['extend_info', 'os_images_data', 0],
  ['replication_records', 0],
];

/** `item` with the value at `path` replaced (`undefined`: the key removed). */
function mutate(item: Record<string, unknown>, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(item);
  let parent = copy as Record<string | number, unknown>;
  for (const part of path.slice(0, -1)) parent = parent[part] as Record<string | number, unknown>;
  const last = path.at(-1) as string | number;
  if (value === undefined && !Array.isArray(parent)) delete parent[last];
  else if (!Array.isArray(parent) || value !== undefined) parent[last] = value;
  return copy;
}

/** Each item alone, on a listing page, and as a tag query's resource_detail. */
function expectAgreementEverywhere(item: unknown): boolean {
  const alone = expectAgreement(checkpointItemSchema, item);
  expect(expectAgreement(listCheckpointItemsResponseSchema, { checkpoint_items: [{ id: 'a' }, item] })).toBe(
    alone,
  );
  const page = { resources: [{ resource_id: 'r', resource_detail: item }], total_count: 1 };
  expect(expectAgreement(resourceInstancesFilterResponseSchema, page)).toBe(alone);
  return alone;
}

describe('which schemas get a fast check', () => {
  it('every response schema does', () => {
    for (const name of [
      'checkpointItemSchema',
      'listCheckpointItemsResponseSchema',
      'getCheckpointItemResponseSchema',
      'countCheckpointItemsResponseSchema',
      'resourceSchema',
      'resourceInstancesFilterResponseSchema',
      'resourceInstancesCountResponseSchema',
      'errorBodySchema',
    ]) {
      expect(compiledNames).toContain(name);
    }
  });

  it('no schema with rules does (requests, stored tags): those stay with zod', () => {
    for (const name of compiledNames)
      expect(name).not.toMatch(/Request|Query|^tag|^match|^resourceTag|^sort/);
    expect(compiledNames).not.toContain('resourceTagSchema');
  });

  it.each<[string, z.ZodType]>([
    ['a length rule', z.looseObject({ a: z.string().min(1) })],
    ['a refinement', z.looseObject({ a: z.string() }).refine(() => false)],
    ['a format', z.looseObject({ a: z.email() })],
    ['an integer', z.looseObject({ a: z.int() })],
    ['a default', z.looseObject({ a: z.string().default('x') })],
    ['coercion', z.looseObject({ a: z.coerce.number() })],
    ['a stripping object', z.object({ a: z.string() })],
    ['a strict object', z.strictObject({ a: z.string() })],
    ['a literal', z.looseObject({ a: z.literal('x') })],
    ['a transform', z.string().transform((s) => s.length)],
    // exactOptional arrived after zod 4.0, the lowest zod the peer range allows.
    ...(typeof z.string().exactOptional === 'function'
      ? [['an exact optional', z.looseObject({ a: z.string().exactOptional() })] as [string, z.ZodType]]
      : []),
    ['a discriminated union', z.discriminatedUnion('k', [z.looseObject({ k: z.literal('a') })])],
  ])('a schema with %s does not (its output may differ from its input)', (_, schema) => {
    expect(responseCheckOf(schema)).toBeUndefined();
    expect(safeParseResponse(schema, { a: 'x' })).toEqual(schema.safeParse({ a: 'x' }));
  });

  afterEach(() => {
    z.config({ jitless: false });
  });

  it('nothing is compiled when zod is told not to generate code', () => {
    z.config({ jitless: true });
    const schema = z.looseObject({ a: z.string() });
    expect(responseCheckOf(schema)).toBeUndefined();
    expect(safeParseResponse(schema, { a: 'x' })).toEqual({ success: true, data: { a: 'x' } });
  });
});

describe('the fast check agrees with zod', () => {
  it('on the spec examples, with identity on acceptance', () => {
    const listing = readExample('checkpoint-items.response.json');
    expect(expectAgreement(listCheckpointItemsResponseSchema, listing)).toBe(true);
    expect(expectAgreement(checkpointItemSchema, readExample('resource-detail.example.json'))).toBe(true);
  });

  it('on valid items, alone and inside pages', () => {
    fc.assert(
      fc.property(checkpointItem, (item) => {
        expect(expectAgreementEverywhere(item)).toBe(true);
      }),
    );
  });

  it('on every documented field replaced by each JSON type, or removed', () => {
    let accepted = 0;
    let rejected = 0;
    for (const item of fc.sample(fullItem, { numRuns: 3, seed: 42 })) {
      expect(expectAgreementEverywhere(item)).toBe(true);
      for (const path of documentedPaths) {
        for (const [, make] of replacements) {
          if (expectAgreementEverywhere(mutate(item, path, make()))) accepted++;
          else rejected++;
        }
      }
    }
    // Both verdicts occur, so the comparison tells something either way.
    expect(accepted).toBeGreaterThan(100);
    expect(rejected).toBeGreaterThan(100);
  });

  it('on random mutations of random items', () => {
    fc.assert(
      fc.property(
        fullItem,
        fc.constantFrom(...documentedPaths),
        fc.oneof(fc.constantFrom(...replacements.map(([, make]) => make())), fc.jsonValue({ maxDepth: 2 })),
        (item, path, value) => {
          expectAgreementEverywhere(mutate(item, path, value));
        },
      ),
      { numRuns: 300 },
    );
  });

  const fieldNames = [...new Set(documentedPaths.flat().filter((p) => typeof p === 'string'))];
  fieldNames.push('checkpoint_items', 'checkpoint_items_links', 'rel', 'href', 'resources', 'total_count');
  fieldNames.push('resource_id', 'resource_detail', 'checkpoint_item', 'count', 'error_code', 'error');
  fieldNames.push('__proto__', 'constructor', 'toString');
  /** JSON whose objects use the schemas' field names, so that checks reach past the first level. */
  const shaped = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.jsonValue({ maxDepth: 0 }),
      fc.array(tie('value'), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom(...fieldNames), tie('value'), { maxKeys: 5 }),
    ),
  })).value;

  it.each(compiled)('%s, on arbitrary JSON', (_, schema) => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue({ maxDepth: 4 }), shaped), (value) => {
        // Through JSON text, as a response arrives (plain prototypes, no -0).
        expectAgreement(schema, JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 150 },
    );
  });

  it.each(compiled)('%s, on values JSON cannot hold (NaN, Infinity, undefined, dates…)', (_, schema) => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 3, withBoxedValues: true, withNullPrototype: true }), (input) => {
        expectAgreement(schema, input, false);
      }),
      { numRuns: 100 },
    );
  });

  it('a "__proto__" key from the server is accepted by both; the fast path keeps it, as sent', () => {
    // JSON.parse makes it an own key. zod's copy leaves it out (it guards its output's
    // prototype); the fast path returns the input, so the result still equals the body.
    const input = JSON.parse('{"id":"a","__proto__":{"x":1}}') as unknown;
    expect(responseCheckOf(checkpointItemSchema)?.(input)).toBe(true);
    expect(checkpointItemSchema.safeParse(input).success).toBe(true);
    expect(safeParseResponse(checkpointItemSchema, input)).toEqual({ success: true, data: input });
    expect(Object.keys(safeParseResponse(checkpointItemSchema, input).data ?? {})).toEqual([
      'id',
      '__proto__',
    ]);
  });

  it('an item whose number is NaN or Infinity is rejected by both', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(expectAgreement(checkpointItemSchema, { id: 'a', progress: bad }, false)).toBe(false);
    }
  });
});

describe('the fast check fails closed', () => {
  it('on a zod release it was not tested with: no fast path, zod decides', () => {
    const schema = z.looseObject({ a: z.string() });
    expect(responseCheckOf(schema)).toBeDefined();
    const untested = z.looseObject({ a: z.string() });
    const { major, maxMinor } = models.testedZod;
    Object.defineProperty(untested._zod, 'version', { value: { major, minor: maxMinor + 1, patch: 0 } });
    expect(responseCheckOf(untested)).toBeUndefined();
    expect(safeParseResponse(untested, { a: 'x' })).toEqual(untested.safeParse({ a: 'x' }));
    const older = z.looseObject({ a: z.string() });
    Object.defineProperty(older._zod, 'version', { value: { major: major - 1, minor: 0, patch: 0 } });
    expect(responseCheckOf(older)).toBeUndefined();
  });

  it('on internals it cannot read: no fast path, no throw', () => {
    const schema = z.looseObject({ a: z.string() });
    Object.defineProperty(schema._zod.def, 'shape', {
      get() {
        throw new Error('internals moved');
      },
    });
    expect(() => responseCheckOf(schema)).not.toThrow();
    expect(responseCheckOf(schema)).toBeUndefined();
  });

  it('when reading the input throws during the check, zod decides (and does not throw here)', () => {
    const schema = z.looseObject({ a: z.string() });
    let reads = 0;
    // Throws on the first read only: the fast check's. zod, reading second, sees "x".
    const input = Object.defineProperty({}, 'a', {
      enumerable: true,
      get() {
        reads++;
        if (reads === 1) throw new Error('first read fails');
        return 'x';
      },
    });
    const result = safeParseResponse(schema, input);
    expect(result.success).toBe(true);
    expect(reads).toBeGreaterThan(1);
  });
});
