import { describe, expect, it } from 'vitest';
import type { Condition } from './condition.js';
import { walkView } from './view-walk.js';

/** Rows passing when `pass(row)`; counts the rows it was asked about. */
function conditionOf(pass: (row: number) => boolean): Condition & { tested: number } {
  return {
    count: 0,
    tested: 0,
    test(row) {
      this.tested++;
      return pass(row);
    },
    forEachRow() {},
    blockTest: () => undefined,
  };
}

describe('walkView', () => {
  const order = Uint32Array.from({ length: 1000 }, (_, i) => 999 - i);

  it('gives up after its budget of rows, a fractional budget too', () => {
    const never = conditionOf(() => false);
    const out: number[] = [];
    expect(walkView(order, false, 0, [never], [], { offset: 0, limit: 10, budget: 40.5 }, out)).toBe(false);
    expect(never.tested).toBeLessThanOrEqual(41);
    expect(out).toEqual([]);
  });

  it('reads the page in order, after the offset, within its budget', () => {
    const even = conditionOf((row) => row % 2 === 0);
    const out: number[] = [];
    expect(walkView(order, true, 10, [even], [], { offset: 2, limit: 3, budget: 100.5 }, out)).toBe(true);
    expect(out).toEqual([14, 16, 18]);
  });
});
