import { defineErrorClass, isErrorInstance } from '@csbs-kit/models/errors';

/** Every error class of this package is branded in this scope: `csbs-kit.client.<Name>`. */
const scope = 'csbs-kit.client';

/** Brands a class of this package and names its instances (see `@csbs-kit/models/errors`). */
export function defineClientError(errorClass: abstract new (...args: never[]) => Error, name: string): void {
  defineErrorClass(errorClass, scope, name);
}

export interface CsbsErrorOptions {
  cause?: unknown;
}

/**
 * The base of every error this package throws. `isInstance` works when two copies of the
 * package are installed (where `instanceof` fails), on this class and on every subclass.
 */
export class CsbsError extends Error {
  /** A stable, machine-readable code: `CSBS_TIMEOUT`, `CSBS_NOT_FOUND`, … */
  readonly code: string;
  /** Whether repeating the same call may succeed; decided once, by whoever raised the error. */
  readonly isRetryable: boolean;

  constructor(code: string, message: string, options: CsbsErrorOptions & { retryable?: boolean } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.isRetryable = options.retryable ?? false;
  }

  /** Whether `x` is an instance of the class this is called on (`CsbsNotFoundError.isInstance(e)`). */
  static isInstance<T>(this: abstract new (...args: never[]) => T, x: unknown): x is T {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class it is called on, a subclass included
    return isErrorInstance(this, x);
  }

  /** What `JSON.stringify` shows: the public facts, never a request's headers. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, code: this.code, message: this.message };
    for (const [key, value] of Object.entries(this)) {
      if (key !== 'cause' && !(key in out)) out[key] = value;
    }
    return out;
  }

  static {
    defineClientError(CsbsError, 'CsbsError');
  }
}
