import { describe, expect, it } from 'vitest';
import { maskSecrets } from './context.js';

describe('maskSecrets', () => {
  it('replaces every occurrence, longest secret first', () => {
    expect(maskSecrets('token=abcd1234 again abcd1234', ['abcd1234'])).toBe('token=**** again ****');
    expect(maskSecrets('key abcdefgh', ['abcd', 'abcdefgh'])).toBe('key ****');
  });

  it('leaves very short values alone, so that "a" does not mask every a', () => {
    expect(maskSecrets('a b c', ['a'])).toBe('a b c');
  });
});
