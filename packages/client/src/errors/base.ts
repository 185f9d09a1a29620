/**
 * The base of every error this package throws. Each class brands its prototype with a
 * `Symbol.for` key, so `isInstance` works when two copies of the package are installed
 * (where `instanceof` fails).
 */

const brandPrefix = 'csbs-kit.client.';

export function brandOf(name: string): symbol {
  return Symbol.for(brandPrefix + name);
}

/** Marks a class's prototype so that `hasBrand(x, name)` holds for its instances and subclasses. */
export function markBrand(target: { prototype: object }, name: string): void {
  Object.defineProperty(target.prototype, brandOf(name), { value: true, enumerable: false });
}

export function hasBrand(x: unknown, name: string): boolean {
  return typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[brandOf(name)] === true;
}

export interface CsbsErrorOptions {
  cause?: unknown;
}

export class CsbsError extends Error {
  override name = 'CsbsError';
  /** A stable, machine-readable code: `CSBS_TIMEOUT`, `CSBS_NOT_FOUND`, … */
  readonly code: string;

  constructor(code: string, message: string, options: CsbsErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
  }

  /** Whether repeating the same call may succeed. */
  get isRetryable(): boolean {
    return false;
  }

  static isInstance(x: unknown): x is CsbsError {
    return hasBrand(x, 'CsbsError');
  }

  /** What `JSON.stringify` shows: the public facts, never a request's headers. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, code: this.code, message: this.message };
    for (const [key, value] of Object.entries(this)) {
      if (key !== 'cause' && !(key in out)) out[key] = value;
    }
    return out;
  }
}
markBrand(CsbsError, 'CsbsError');
