import { describe, expect, it } from 'vitest';
import { memoryIo } from '../test/helpers/memory-stream.js';
import { colorEnabled, maskSecrets, writeStderr } from './context.js';

describe('maskSecrets', () => {
  it('replaces every occurrence, longest secret first', () => {
    expect(maskSecrets('token=abcd1234 again abcd1234', ['abcd1234'])).toBe('token=**** again ****');
    expect(maskSecrets('key abcdefgh', ['abcd', 'abcdefgh'])).toBe('key ****');
  });

  it('leaves very short values alone, so that "a" does not mask every a', () => {
    expect(maskSecrets('a b c', ['a'])).toBe('a b c');
  });
});

describe('colorEnabled', () => {
  it('is off on a dumb terminal, with NO_COLOR, with --no-color and off a terminal', () => {
    const io = (env: Record<string, string>, tty = true) => {
      const m = memoryIo({ env });
      m.stdout.isTTY = tty;
      return m;
    };
    expect(colorEnabled(io({ TERM: 'xterm-256color' }), {}, 'stdout')).toBe(true);
    expect(colorEnabled(io({ TERM: 'dumb' }), {}, 'stdout')).toBe(false);
    expect(colorEnabled(io({ NO_COLOR: '1' }), {}, 'stdout')).toBe(false);
    expect(colorEnabled(io({}), { color: false }, 'stdout')).toBe(false);
    expect(colorEnabled(io({}, false), {}, 'stdout')).toBe(false);
  });
});

describe('writeStderr', () => {
  it('masks the password of any URL as well as known secrets', () => {
    const io = memoryIo();
    writeStderr({ io, secrets: new Set(['s3cr3t-token']) }, 'GET http://alice:PW@h/x with s3cr3t-token');
    expect(io.stderr.text).toBe('GET http://****@h/x with ****\n');
  });
});
