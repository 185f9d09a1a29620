import { describe, expect, it } from 'vitest';
import { z } from 'zod';

// scripts/zod-range.mjs runs these tests against another zod; this proves it really did.
describe('the zod under test', () => {
  it('is the one the run asked for, or the lockfile one', () => {
    const { major, minor, patch } = z.string()._zod.version;
    const expected = process.env.CSBS_ZOD_EXPECT;
    if (expected) expect(`${major}.${minor}.${patch}`).toBe(expected);
    else expect(major).toBe(4);
  });
});
