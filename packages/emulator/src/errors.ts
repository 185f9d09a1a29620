import { defineErrorClass, isErrorInstance } from '@csbs-kit/models/errors';

const scope = 'csbs-kit.emulator';

/**
 * The base of every error this package throws. `isInstance` works across duplicated
 * installs, on this class and on every subclass.
 */
export abstract class EmulatorError extends Error {
  abstract readonly code: string;

  static isInstance<T>(this: abstract new (...args: never[]) => T, x: unknown): x is T {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class it is called on, a subclass included
    return isErrorInstance(this, x);
  }

  static {
    defineErrorClass(EmulatorError, scope, 'EmulatorError');
  }
}

export interface EmulatorDataErrorDetails {
  file?: string | undefined;
  project?: string | undefined;
  itemIndex?: number | undefined;
  field?: string | undefined;
  cause?: unknown;
}

/** Where a data problem is, in the order a reader looks for it: file, project, item, field. */
function describeLocation(reason: string, d: EmulatorDataErrorDetails): string {
  const where: string[] = [];
  if (d.file !== undefined) where.push(`file ${d.file}`);
  if (d.project !== undefined) where.push(`project ${d.project}`);
  if (d.itemIndex !== undefined) where.push(`checkpoint_items[${d.itemIndex}]`);
  if (d.field !== undefined && d.field !== '') where.push(`field ${d.field}`);
  return where.length > 0 ? `${where.join(', ')}: ${reason}` : reason;
}

/** Emulator data (a data file, a `load()` argument, a `POST /__emulator/data` body) is invalid. */
export class EmulatorDataError extends EmulatorError {
  readonly code = 'EMULATOR_DATA_INVALID' as const;
  readonly file: string | undefined;
  readonly project: string | undefined;
  readonly itemIndex: number | undefined;
  readonly field: string | undefined;
  /** The broken rule alone, without the location. */
  readonly reason: string;

  constructor(reason: string, details: EmulatorDataErrorDetails = {}) {
    super(
      describeLocation(reason, details),
      details.cause === undefined ? undefined : { cause: details.cause },
    );
    this.reason = reason;
    this.file = details.file;
    this.project = details.project;
    this.itemIndex = details.itemIndex;
    this.field = details.field;
  }

  /** The same error, now also naming the file it came from. */
  inFile(file: string): EmulatorDataError {
    return new EmulatorDataError(this.reason, {
      file,
      project: this.project,
      itemIndex: this.itemIndex,
      field: this.field,
      cause: this.cause,
    });
  }

  static {
    defineErrorClass(EmulatorDataError, scope, 'EmulatorDataError');
  }
}

/**
 * A request the emulator answers with an error status. Thrown inside the request handling and
 * turned into the documented JSON body at the HTTP edge.
 */
export class EmulatorHttpError extends EmulatorError {
  readonly status: number;
  /** The wire code: `CSBS.9001`, `APIGW.0301`, … */
  readonly code: string;
  /** IAM answers `{"error": {code, message}}` instead of the CSBS shape. */
  readonly shape: 'csbs' | 'iam';
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    status: number,
    code: string,
    message: string,
    options: { shape?: 'csbs' | 'iam'; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.status = status;
    this.code = code;
    this.shape = options.shape ?? 'csbs';
    this.headers = options.headers ?? {};
  }

  static {
    defineErrorClass(EmulatorHttpError, scope, 'EmulatorHttpError');
  }
}

/** Invalid emulator options: fault settings, command-line flags, other start options. */
export class EmulatorOptionsError extends EmulatorError {
  readonly code = 'EMULATOR_OPTIONS_INVALID' as const;

  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
  }

  static {
    defineErrorClass(EmulatorOptionsError, scope, 'EmulatorOptionsError');
  }
}
