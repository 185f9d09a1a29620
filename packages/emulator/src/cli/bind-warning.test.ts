import { describe, expect, it } from 'vitest';
import { bindWarning, isLoopbackHost } from './bind-warning.js';

describe('bindWarning', () => {
  it.each(['127.0.0.1', '127.1.2.3', 'localhost', 'LOCALHOST', '::1', '[::1]', '::ffff:127.0.0.1'])(
    'is quiet for the loopback address %s',
    (host) => {
      expect(isLoopbackHost(host)).toBe(true);
      expect(bindWarning(host)).toBeUndefined();
    },
  );

  it.each(['0.0.0.0', '::', '192.168.1.10', '10.0.0.1', 'example.com', '128.0.0.1', '::ffff:10.0.0.1'])(
    'warns for %s, naming the control endpoints',
    (host) => {
      expect(isLoopbackHost(host)).toBe(false);
      expect(bindWarning(host)).toMatch(
        new RegExp(
          `^csbs-emulator: warning: listening on ${host.replace(/[.:[\]]/g, '\\$&')},.*/__emulator/`,
        ),
      );
    },
  );
});
