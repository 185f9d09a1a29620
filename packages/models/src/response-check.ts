import { z } from 'zod';

/*
 * A fast path for validating large responses (a listing page holds 1000 backups of ~100
 * fields each). zod builds a fresh copy of every object it checks and pays for that copy and
 * its bookkeeping on every field: 7–9 µs per backup, as much as JSON.parse itself. The
 * response schemas, though, are lenient (see lenient.ts): their output equals their input.
 * So a predicate that answers "would the schema accept this?" is enough: when it says yes,
 * the parsed JSON *is* the result; when it says no, the schema runs to report the issues.
 *
 * The predicate is derived from the zod schema itself, so the schema stays the one source
 * of truth (same exports, types, messages and error paths). The derivation understands only
 * the few forms whose output equals their input and whose acceptance it can mirror exactly:
 * string, number, boolean, unknown/any, optional, nullable, union, array and loose objects,
 * all without checks, refinements, coercion or formats. Anything else (a `.min()`, a
 * `.refine()`, a default, a strict or stripping object, …) makes the whole schema
 * "uncompiled", and `safeParseResponse` then simply uses zod. The derived check is therefore
 * never looser than the schema; test/response-check.test.ts checks that they agree.
 *
 * The predicate is generated code (as zod's own object parser is): a `typeof` per field and
 * one function per object or array schema, so each field read is a named property load with
 * its own inline cache: ~0.7 ms per 1000-item page, against ~7 ms for zod's parse. Where
 * code generation is not allowed (`z.config({ jitless: true })` or a CSP without
 * 'unsafe-eval'), nothing is compiled and zod does the work as before.
 *
 * It reads zod's internals (`_zod.def`, and the `@internal` `_zod.traits`, `optin`,
 * `optout`), so it fails closed: a zod release it was not tested with (`_zod.version`
 * outside `testedZod`), a form it does not recognise, or any exception while compiling or
 * checking means "no fast path", and zod decides. The check never accepts what zod would
 * refuse, and never throws where zod would not. CI runs these tests against the lowest and
 * the newest zod of the peer range (scripts/zod-range.mjs).
 *
 * zod 4.6 has a public `z.compile` (a generated parser that still builds a fresh output
 * copy). Measured on a 1000-item page it costs 1.04–1.38× `JSON.parse`, against
 * 1.0× for this check, which builds nothing; so this stays, with zod as the fallback.
 */

/** Answers whether the schema would accept a value, without building any output. */
export type ResponseCheck = (value: unknown) => boolean;

/** The parts of zod 4's `schema._zod.def` read here; a `type` not handled below is unsupported. */
interface Def {
  type: string;
  checks?: unknown[];
  coerce?: boolean;
  format?: string;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
}

const defOf = (schema: z.ZodType): Def => schema._zod.def as unknown as Def;

/**
 * The zod releases whose internals this file was tested against: major 4, minors from the
 * lowest the peer range allows to the newest CI runs. Raise `maxMinor` only with a test run
 * of scripts/zod-range.mjs against the new release.
 */
export const testedZod = { major: 4, minMinor: 0, maxMinor: 6 } as const;

function isTestedZod(schema: z.ZodType): boolean {
  const version = (schema._zod as { version?: { major?: unknown; minor?: unknown } }).version;
  return (
    version?.major === testedZod.major &&
    typeof version.minor === 'number' &&
    version.minor >= testedZod.minMinor &&
    version.minor <= testedZod.maxMinor
  );
}

/** Thrown inside the compiler when a schema uses a form the fast path cannot mirror. */
class Unsupported extends Error {}

/** True for a schema that adds nothing on top of its type: no checks, no coercion, no format. */
function isPlain(schema: z.ZodType): boolean {
  const def = defOf(schema);
  return (
    (def.checks === undefined || def.checks.length === 0) &&
    def.coerce !== true &&
    def.format === undefined &&
    !schema._zod.traits.has('$ZodCheck')
  );
}

class Compiler {
  /** Sources of the generated functions; `fns[i]` is the compiled form of `sources[i]`. */
  readonly sources: string[] = [];
  readonly #indexOf = new Map<z.ZodType, number>();

  /** A JS boolean expression that is true when the schema accepts the value in variable `x`. */
  expression(schema: z.ZodType, x: string): string {
    if (!isPlain(schema)) throw new Unsupported();
    const def = defOf(schema);
    const traits = schema._zod.traits;
    switch (def.type) {
      case 'string':
        return `typeof ${x} === "string"`;
      case 'number':
        // z.number() refuses NaN and ±Infinity; Number.isFinite is false for both.
        return `(typeof ${x} === "number" && Number.isFinite(${x}))`;
      case 'boolean':
        return `typeof ${x} === "boolean"`;
      case 'unknown':
      case 'any':
        return 'true';
      case 'optional':
        // An exact optional refuses an explicit `undefined`; not needed, so not mirrored.
        if (traits.has('$ZodExactOptional')) throw new Unsupported();
        return `(${x} === undefined || ${this.expression(def.innerType as z.ZodType, x)})`;
      case 'nullable':
        return `(${x} === null || ${this.expression(def.innerType as z.ZodType, x)})`;
      case 'union':
        // Discriminated and exclusive unions accept by other rules.
        if (traits.has('$ZodDiscriminatedUnion') || traits.has('$ZodXor')) throw new Unsupported();
        return `(${(def.options ?? []).map((o) => this.expression(o, x)).join(' || ') || 'false'})`;
      case 'array':
      case 'object':
        return `fns[${this.#functionFor(schema, def)}](${x})`;
      default:
        throw new Unsupported();
    }
  }

  /** One generated function per array or object schema, shared by every use of it (and safe for cycles). */
  #functionFor(schema: z.ZodType, def: Def): number {
    const known = this.#indexOf.get(schema);
    if (known !== undefined) return known;
    const index = this.sources.length;
    this.#indexOf.set(schema, index);
    this.sources.push('');
    this.sources[index] = def.type === 'array' ? this.#arraySource(def) : this.#objectSource(def);
    return index;
  }

  #arraySource(def: Def): string {
    const element = this.expression(def.element as z.ZodType, 'x');
    return `if (!Array.isArray(v)) return false;
      for (let i = 0; i < v.length; i++) { const x = v[i]; if (!(${element})) return false; }
      return true;`;
  }

  #objectSource(def: Def): string {
    // Only a loose object returns its input unchanged: a stripping one drops unknown keys and
    // a strict one refuses them.
    const catchall = def.catchall;
    if (catchall === undefined || !['unknown', 'any'].includes(defOf(catchall).type) || !isPlain(catchall)) {
      throw new Unsupported();
    }
    const shape = def.shape ?? {};
    if (Object.getOwnPropertySymbols(shape).length > 0) throw new Unsupported();
    // Same test as zod's util.isObject.
    const lines = ['if (typeof v !== "object" || v === null || Array.isArray(v)) return false;', 'let x;'];
    for (const [key, field] of Object.entries(shape)) {
      // zod skips a declared `__proto__`; rare enough not to mirror.
      if (key === '__proto__') throw new Unsupported();
      const k = JSON.stringify(key);
      const { optin, optout } = field._zod;
      const accepts = this.expression(field, 'x');
      let test: string;
      if (optin === undefined) {
        // A required key must be present, even when its schema accepts `undefined`.
        test = `(x !== undefined || ${k} in v) && ${accepts}`;
      } else if (optin === 'optional' && optout === 'optional') {
        // zod ignores what the field's schema says about an absent optional key.
        test = `${accepts} || !(${k} in v)`;
      } else {
        throw new Unsupported(); // a default fills the key in: the output would differ
      }
      lines.push(`x = v[${k}]; if (!(${test})) return false;`);
    }
    lines.push('return true;');
    return lines.join('\n');
  }
}

const compiled = new WeakMap<z.ZodType, ResponseCheck | null>();

function compile(schema: z.ZodType): ResponseCheck | null {
  // Respect the caller's wish for no code generation (zod's own switch for strict CSPs).
  if (z.config().jitless === true) return null;
  const compiler = new Compiler();
  let top: string;
  try {
    if (!isTestedZod(schema)) return null;
    top = compiler.expression(schema, 'v');
  } catch {
    // Unsupported, or internals shaped otherwise than expected: zod decides.
    return null;
  }
  try {
    // Each function finds the others in `fns` when it runs, so the order of creation is free.
    const fns: ResponseCheck[] = [];
    for (const body of compiler.sources) fns.push(new Function('fns', `return (v) => {${body}};`)(fns));
    return new Function('fns', `return (v) => ${top};`)(fns) as ResponseCheck;
  } catch {
    return null; // code generation refused (CSP): zod does the work
  }
}

/**
 * The fast acceptance check of a schema, or `undefined` when the schema uses anything the
 * check cannot mirror exactly (then only zod can decide). Compiled once per schema.
 */
export function responseCheckOf(schema: z.ZodType): ResponseCheck | undefined {
  let check = compiled.get(schema);
  if (check === undefined) {
    check = compile(schema);
    compiled.set(schema, check);
  }
  return check ?? undefined;
}

/** A check that throws (a getter, a proxy) has not accepted: zod decides, and reports. */
function accepts(check: ResponseCheck, input: unknown): boolean {
  try {
    return check(input) === true;
  } catch {
    return false;
  }
}

/**
 * `schema.safeParse(input)` for response schemas, at a fraction of the cost for large pages.
 * When the fast check accepts, the result's `data` is `input` itself, not a copy (a lenient
 * schema's output equals its input anyway): do not keep using `input` as if it were yours.
 * Otherwise zod parses, so a failure carries exactly the issues zod reports.
 */
export function safeParseResponse<S extends z.ZodType>(
  schema: S,
  input: unknown,
): z.ZodSafeParseResult<z.output<S>> {
  const check = responseCheckOf(schema);
  if (check !== undefined && accepts(check, input)) return { success: true, data: input as z.output<S> };
  return schema.safeParse(input);
}
