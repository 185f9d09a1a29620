import { secretHeaderNames } from '@csbs-kit/models/errors';
import { describe, expect, it } from 'vitest';
import { redactHeaders } from './summaries.js';

const titleCase = (name: string) =>
  name.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());

describe('redactHeaders', () => {
  // The list is the one the emulator's request log reads: what one side hides the other does.
  it.each(secretHeaderNames)('hides %s in any case', (name) => {
    expect(redactHeaders({ [name]: 'v', [titleCase(name)]: 'w', 'X-Sdk-Date': 'd' })).toEqual({
      [name]: '***',
      [titleCase(name)]: '***',
      'X-Sdk-Date': 'd',
    });
  });
});
