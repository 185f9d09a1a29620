import { defineErrorClass, isErrorInstance } from '@csbs-kit/models/errors';

const scope = 'csbs-kit.cli';

/**
 * Bad usage or invalid input found before any request: exit code 2, rendered as
 * `csbs: error: <field>: <rule>`.
 */
export class CliUsageError extends Error {
  readonly code: string;
  readonly exitCode = 2;
  readonly field: string;
  readonly rule: string;

  constructor(field: string, rule: string, options: { code?: string; cause?: unknown } = {}) {
    super(field ? `${field}: ${rule}` : rule, options.cause === undefined ? {} : { cause: options.cause });
    this.field = field;
    this.rule = rule;
    this.code = options.code ?? 'CLI_USAGE';
  }

  /** Works across duplicated installs, on this class and on every subclass. */
  static isInstance<T>(this: abstract new (...args: never[]) => T, x: unknown): x is T {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class it is called on, a subclass included
    return isErrorInstance(this, x);
  }

  static {
    defineErrorClass(CliUsageError, scope, 'CliUsageError');
  }
}

/** A clouds.yaml or secure.yaml that cannot be read or does not name the cloud asked for. */
export class CliConfigError extends CliUsageError {
  constructor(field: string, rule: string, options: { cause?: unknown } = {}) {
    super(field, rule, { ...options, code: 'CLI_CONFIG' });
  }

  static {
    defineErrorClass(CliConfigError, scope, 'CliConfigError');
  }
}
