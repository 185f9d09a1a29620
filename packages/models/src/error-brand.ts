/*
 * One way, for every csbs-kit package, to tell its errors apart across duplicated installs:
 * two copies of a package (a direct dependency and a transitive one) have two copies of each
 * class, so `instanceof` fails between them. Each class carries a `Symbol.for` brand on its
 * prototype instead, and `isInstance` looks for the brand of the class it is called on
 * (vercel/ai's AISDKError does the same with one marker per class).
 *
 * Zod-free, so the CLI can load its errors without loading any schema.
 */

/** Where a branded class keeps its own brand (a static, so subclasses inherit the lookup). */
const brandOfClass = Symbol.for('csbs-kit.error-brand');

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * Brands `errorClass` as `<scope>.<name>` and names its instances `name` (on the prototype, so
 * a subclass needs no `name` field of its own). Call it once per class, for example from the
 * class's `static {}` block.
 */
export function defineErrorClass(errorClass: ErrorClass, scope: string, name: string): void {
  const brand = Symbol.for(`${scope}.${name}`);
  Object.defineProperty(errorClass.prototype, brand, { value: true });
  Object.defineProperty(errorClass.prototype, 'name', {
    value: name,
    writable: true,
    configurable: true,
  });
  Object.defineProperty(errorClass, brandOfClass, { value: brand });
}

/**
 * Whether `x` is an instance of `errorClass` (or of a subclass), from any copy of the package
 * that defined it: the body of every `static isInstance`.
 */
export function isErrorInstance(errorClass: object, x: unknown): boolean {
  const brand = (errorClass as { [brandOfClass]?: symbol })[brandOfClass];
  return (
    brand !== undefined &&
    typeof x === 'object' &&
    x !== null &&
    (x as Record<symbol, unknown>)[brand] === true
  );
}
