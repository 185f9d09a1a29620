import { describeFieldIssues, type FieldIssue } from '@csbs-kit/models';
import { defineErrorClass, isErrorInstance } from '@csbs-kit/models/errors';

const scope = 'csbs-kit.tag-query';

/**
 * The base of every error this package throws, so callers can catch them all at once.
 * `isInstance` works across duplicated installs, on this class and on every subclass.
 */
export abstract class TagQueryError extends Error {
  abstract readonly code: string;

  static isInstance<T>(this: abstract new (...args: never[]) => T, x: unknown): x is T {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class it is called on, a subclass included
    return isErrorInstance(this, x);
  }

  static {
    defineErrorClass(TagQueryError, scope, 'TagQueryError');
  }
}

/** A tag query breaks a rule of the CSBS reference; `issues` name each field and rule. */
export class TagQueryValidationError extends TagQueryError {
  readonly code = 'TAG_QUERY_INVALID' as const;
  readonly issues: FieldIssue[];

  constructor(issues: FieldIssue[], options?: { cause?: unknown }) {
    super(`invalid tag query: ${describeFieldIssues(issues)}`, options);
    this.issues = issues;
  }

  static {
    defineErrorClass(TagQueryValidationError, scope, 'TagQueryValidationError');
  }
}

/**
 * A selector that cannot be read, contradicts itself or breaks a limit of the reference.
 * `column` is 1-based and counts characters (code points) of the selector text.
 */
export class SelectorSyntaxError extends TagQueryError {
  readonly code = 'SELECTOR_SYNTAX' as const;
  readonly column: number;
  readonly expected: string;
  readonly found: string;

  constructor(details: { column: number; expected: string; found: string }, options?: { cause?: unknown }) {
    super(`expected ${details.expected} at column ${details.column}, found ${details.found}`, options);
    this.column = details.column;
    this.expected = details.expected;
    this.found = details.found;
  }

  static {
    defineErrorClass(SelectorSyntaxError, scope, 'SelectorSyntaxError');
  }
}

/**
 * A valid tag query that no selector can express exactly (it uses `matches`, or
 * contradicts itself in a way the selector syntax refuses). `path` names the field.
 */
export class SelectorFormatError extends TagQueryError {
  readonly code = 'SELECTOR_NOT_EXPRESSIBLE' as const;
  readonly path: string;

  constructor(path: string, reason: string, options?: { cause?: unknown }) {
    super(`cannot write the tag query as a selector: ${path ? `${path}: ` : ''}${reason}`, options);
    this.path = path;
  }

  static {
    defineErrorClass(SelectorFormatError, scope, 'SelectorFormatError');
  }
}

/** `offset` or `limit` of `TagIndex.select` is not a non-negative integer. */
export class TagIndexPageError extends TagQueryError {
  readonly code = 'TAG_INDEX_PAGE_INVALID' as const;

  static {
    defineErrorClass(TagIndexPageError, scope, 'TagIndexPageError');
  }
}
