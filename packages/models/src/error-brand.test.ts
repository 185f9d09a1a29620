import { describe, expect, it } from 'vitest';
import { defineErrorClass, isErrorInstance } from './error-brand.js';

function family() {
  class BaseError extends Error {
    static isInstance<T>(this: abstract new (...args: never[]) => T, x: unknown): x is T {
      // biome-ignore lint/complexity/noThisInStatic: `this` is the class it is called on, a subclass included
      return isErrorInstance(this, x);
    }
    static {
      defineErrorClass(BaseError, 'test.family', 'BaseError');
    }
  }
  class ChildError extends BaseError {
    static {
      defineErrorClass(ChildError, 'test.family', 'ChildError');
    }
  }
  class OtherError extends BaseError {
    static {
      defineErrorClass(OtherError, 'test.family', 'OtherError');
    }
  }
  return { BaseError, ChildError, OtherError };
}

describe('error brands', () => {
  it('recognise instances and subclasses, and nothing else', () => {
    const { BaseError, ChildError, OtherError } = family();
    const child = new ChildError('x');
    expect(ChildError.isInstance(child)).toBe(true);
    expect(BaseError.isInstance(child)).toBe(true);
    expect(OtherError.isInstance(child)).toBe(false);
    expect(ChildError.isInstance(new BaseError('x'))).toBe(false);
    for (const x of [null, undefined, 'ChildError', {}, new Error('x')])
      expect(BaseError.isInstance(x)).toBe(false);
  });

  it('work across two copies of the same classes (a duplicated install)', () => {
    const one = family();
    const two = family();
    expect(one.ChildError).not.toBe(two.ChildError);
    const error = new one.ChildError('x');
    expect(error instanceof two.ChildError).toBe(false);
    expect(two.ChildError.isInstance(error)).toBe(true);
    expect(two.OtherError.isInstance(error)).toBe(false);
  });

  it('name instances from the class, in the stack too', () => {
    const { ChildError } = family();
    const error = new ChildError('boom');
    expect(error.name).toBe('ChildError');
    expect(String(error)).toBe('ChildError: boom');
    expect(error.stack?.startsWith('ChildError: boom')).toBe(true);
  });
});
