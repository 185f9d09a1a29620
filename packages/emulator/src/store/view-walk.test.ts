import { describe, expect, it } from 'vitest';
import type { Condition } from './condition.js';
import { RankBits } from './rank-bits.js';
import { countPassing, markPassing, walkView } from './view-walk.js';

/** Rows passing when `pass(row)`, its own rows `rows`; counts the rows it filtered. */
function conditionOf(pass: (row: number) => boolean, rows: number[] = []): Condition & { tested: number } {
  return {
    count: rows.length,
    tested: 0,
    filter(batch, length) {
      this.tested += length;
      let kept = 0;
      for (let i = 0; i < length; i++) if (pass(batch[i]!)) batch[kept++] = batch[i]!;
      return kept;
    },
    forEachRun(visit) {
      // In two runs, so that a batch is made of more than one.
      const half = rows.length >> 1;
      visit(Uint32Array.from(rows.slice(0, half)), half);
      visit(Uint32Array.from([...rows.slice(half), 7, 7]), rows.length - half);
    },
    blockTest: () => undefined,
  };
}

describe('walkView', () => {
  const order = Uint32Array.from({ length: 1000 }, (_, i) => 999 - i);

  it('gives up after its budget of rows (a block at a time), a fractional budget too', () => {
    const never = conditionOf(() => false);
    const out: number[] = [];
    expect(walkView(order, false, 0, [never], [], { offset: 0, limit: 10, budget: 40.5 }, out)).toBe(false);
    expect(never.tested).toBe(128);
    expect(out).toEqual([]);
  });

  it('reads the page in order, after the offset, every condition applied', () => {
    const even = conditionOf((row) => row % 2 === 0);
    const notTen = conditionOf((row) => row % 10 !== 0);
    const out: number[] = [];
    expect(walkView(order, true, 10, [even, notTen], [], { offset: 2, limit: 3, budget: 1000 }, out)).toBe(
      true,
    );
    expect(out).toEqual([16, 18, 22]);
  });

  it('steps over the blocks a block test rules out, and ends at the order’s end', () => {
    const all = conditionOf(() => true);
    const out: number[] = [];
    const onlyLast = (block: number) => block === 7;
    expect(walkView(order, false, 0, [all], [onlyLast], { offset: 0, limit: 500, budget: 200 }, out)).toBe(
      true,
    );
    expect(out).toEqual(Array.from(order.subarray(896)));
  });
});

describe('markPassing and countPassing', () => {
  const driverRows = Array.from({ length: 3000 }, (_, i) => (i * 7) % 3000);
  const driver = conditionOf(() => true, driverRows);
  const rest = [conditionOf((row) => row % 3 === 0), conditionOf((row) => row % 2 === 0)];
  const passing = driverRows.filter((row) => row % 6 === 0);

  it('count the driver rows that pass the rest, batches past 1024 rows included', () => {
    expect(countPassing(driver, rest)).toBe(passing.length);
    expect(countPassing(driver, [])).toBe(driverRows.length);
  });

  it('mark the ranks of those rows', () => {
    const rankOf = Uint32Array.from({ length: 3000 }, (_, row) => 2999 - row);
    const bits = new RankBits(3000);
    markPassing(driver, rest, rankOf, bits);
    const marked: number[] = [];
    bits.read(0, true, (rank) => marked.push(rank) > 0);
    expect(marked).toEqual(passing.map((row) => 2999 - row).sort((a, b) => a - b));
  });
});
