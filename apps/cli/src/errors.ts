/**
 * Bad usage or invalid input found before any request: exit code 2, rendered as
 * `csbs: error: <field>: <rule>`.
 */
export class CliUsageError extends Error {
  override readonly name: string = 'CliUsageError';
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
}

/** A clouds.yaml or secure.yaml that cannot be read or does not name the cloud asked for. */
export class CliConfigError extends CliUsageError {
  override readonly name = 'CliConfigError';

  constructor(field: string, rule: string, options: { cause?: unknown } = {}) {
    super(field, rule, { ...options, code: 'CLI_CONFIG' });
  }
}
