import { describeFieldIssues, type FieldIssue } from '@csbs-kit/models';

const tagQueryErrorBrand = Symbol.for('csbs-kit.tag-query.TagQueryError');
const validationErrorBrand = Symbol.for('csbs-kit.tag-query.TagQueryValidationError');
const selectorSyntaxErrorBrand = Symbol.for('csbs-kit.tag-query.SelectorSyntaxError');
const selectorFormatErrorBrand = Symbol.for('csbs-kit.tag-query.SelectorFormatError');
const pageErrorBrand = Symbol.for('csbs-kit.tag-query.TagIndexPageError');

function hasBrand(x: unknown, brand: symbol): boolean {
  return typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[brand] === true;
}

/** The base of every error this package throws, so callers can catch them all at once. */
export abstract class TagQueryError extends Error {
  abstract readonly code: string;
  readonly [tagQueryErrorBrand] = true;

  static isInstance(x: unknown): x is TagQueryError {
    return hasBrand(x, tagQueryErrorBrand);
  }
}

/** A tag query breaks a rule of the CSBS reference; `issues` name each field and rule. */
export class TagQueryValidationError extends TagQueryError {
  override readonly name = 'TagQueryValidationError';
  readonly code = 'TAG_QUERY_INVALID' as const;
  readonly issues: FieldIssue[];
  readonly [validationErrorBrand] = true;

  constructor(issues: FieldIssue[], options?: { cause?: unknown }) {
    super(`invalid tag query: ${describeFieldIssues(issues)}`, options);
    this.issues = issues;
  }

  static override isInstance(x: unknown): x is TagQueryValidationError {
    return hasBrand(x, validationErrorBrand);
  }
}

/**
 * A selector that cannot be read, contradicts itself or breaks a limit of the reference.
 * `column` is 1-based and counts characters (code points) of the selector text.
 */
export class SelectorSyntaxError extends TagQueryError {
  override readonly name = 'SelectorSyntaxError';
  readonly code = 'SELECTOR_SYNTAX' as const;
  readonly column: number;
  readonly expected: string;
  readonly found: string;
  readonly [selectorSyntaxErrorBrand] = true;

  constructor(details: { column: number; expected: string; found: string }, options?: { cause?: unknown }) {
    super(`expected ${details.expected} at column ${details.column}, found ${details.found}`, options);
    this.column = details.column;
    this.expected = details.expected;
    this.found = details.found;
  }

  static override isInstance(x: unknown): x is SelectorSyntaxError {
    return hasBrand(x, selectorSyntaxErrorBrand);
  }
}

/**
 * A valid tag query that no selector can express exactly (it uses `matches`, or
 * contradicts itself in a way the selector syntax refuses). `path` names the field.
 */
export class SelectorFormatError extends TagQueryError {
  override readonly name = 'SelectorFormatError';
  readonly code = 'SELECTOR_NOT_EXPRESSIBLE' as const;
  readonly path: string;
  readonly [selectorFormatErrorBrand] = true;

  constructor(path: string, reason: string, options?: { cause?: unknown }) {
    super(`cannot write the tag query as a selector: ${path ? `${path}: ` : ''}${reason}`, options);
    this.path = path;
  }

  static override isInstance(x: unknown): x is SelectorFormatError {
    return hasBrand(x, selectorFormatErrorBrand);
  }
}

/** `offset` or `limit` of `TagIndex.select` is not a non-negative integer. */
export class TagIndexPageError extends TagQueryError {
  override readonly name = 'TagIndexPageError';
  readonly code = 'TAG_INDEX_PAGE_INVALID' as const;
  readonly [pageErrorBrand] = true;

  static override isInstance(x: unknown): x is TagIndexPageError {
    return hasBrand(x, pageErrorBrand);
  }
}
