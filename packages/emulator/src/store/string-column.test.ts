import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StringColumn, textsOf } from './string-column.js';

const word = fc.constantFrom('', 'a', 'b', 'web-01', 'A');

function same(left: StringColumn, right: StringColumn, n: number) {
  expect([...left.values]).toEqual([...right.values]);
  expect(Array.from(left.codes)).toEqual(Array.from(right.codes));
  for (let code = 0; code < left.values.length; code++) {
    expect(Array.from(left.rowsOf(code))).toEqual(Array.from(right.rowsOf(code)));
    expect(left.codeOf(left.values[code]!)).toBe(code);
  }
  for (let row = 0; row < n; row++) expect(left.valueAt(row)).toBe(right.valueAt(row));
}

describe('StringColumn', () => {
  it('interns codes into a value list exactly as the strings they stand for', () => {
    // Value lists that repeat texts and have codes no row uses.
    const arb = fc
      .array(word, { minLength: 1, maxLength: 6 })
      .chain((values) =>
        fc.tuple(fc.constant(values), fc.array(fc.nat({ max: values.length - 1 }), { maxLength: 80 })),
      );
    fc.assert(
      fc.property(arb, ([values, codes]) => {
        const coded = { codes: Uint32Array.from(codes), values };
        const texts = textsOf(coded);
        expect(texts).toEqual(codes.map((code) => values[code]));
        same(new StringColumn(coded), new StringColumn(texts), codes.length);
      }),
      { numRuns: 300 },
    );
  });

  it('groups rows as a Map would, for all-distinct, all-equal and mixed columns', () => {
    const columnArb = fc.oneof(
      fc.uniqueArray(fc.string({ maxLength: 3 }), { maxLength: 40 }),
      fc.nat({ max: 40 }).map((n) => Array.from({ length: n }, () => 'same')),
      fc.array(word, { maxLength: 40 }),
    );
    fc.assert(
      fc.property(columnArb, (texts) => {
        const codeOf = new Map<string, number>();
        for (const t of texts) if (!codeOf.has(t)) codeOf.set(t, codeOf.size);
        const column = new StringColumn(texts);
        expect([...column.values]).toEqual([...codeOf.keys()]);
        expect(Array.from(column.codes)).toEqual(texts.map((t) => codeOf.get(t)));
        for (const [t, code] of codeOf) {
          expect(column.codeOf(t)).toBe(code);
          const rows = texts.flatMap((u, row) => (u === t ? [row] : []));
          expect(Array.from(column.rowsOf(code))).toEqual(rows);
          expect(column.countOf(code)).toBe(rows.length);
        }
        expect(column.codeOf('not there')).toBe(-1);
      }),
      { numRuns: 300 },
    );
  });

  it('reads only the codes that occur (holes in the value list are fine)', () => {
    const values: string[] = [];
    values[3] = 'x';
    values[70_000] = 'y';
    const column = new StringColumn({ codes: Uint32Array.from([70_000, 3, 3]), values });
    expect([...column.values]).toEqual(['y', 'x']);
    expect(Array.from(column.rowsOf(column.codeOf('x')))).toEqual([1, 2]);
    expect(column.codeOf('z')).toBe(-1);
  });
});
