import { describe, expect, it } from 'vitest';
import { unsupportedNodeMessage } from './node-support.js';

describe('unsupportedNodeMessage', () => {
  it.each(['22.19.0', '22.20.1', '23.0.0', '24.21.0', '26.1.0', '100.0.0'])('accepts %s', (version) => {
    expect(unsupportedNodeMessage(version)).toBeUndefined();
  });

  it.each(['22.18.9', '22.12.0', '22.0.0', '20.20.2', '18.19.1', '', 'x'])(
    'refuses %j in one line',
    (version) => {
      expect(unsupportedNodeMessage(version)).toBe(`csbs needs Node 22.19 or newer; this is ${version}`);
    },
  );
});
