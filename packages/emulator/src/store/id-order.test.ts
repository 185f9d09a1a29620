import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdBytes } from './id-bytes.js';
import { rowOfId } from './id-order.js';
import type { ItemRows } from './item-rows.js';

const width = 4;
const idArb = fc.string({
  unit: fc.constantFrom('a', 'b', 'z', '0', '-', '\u00e9'),
  minLength: width,
  maxLength: width,
});

describe('rowOfId', () => {
  it('finds each id, and nothing for any other text, from bytes as from strings (fast-check)', () => {
    fc.assert(
      fc.property(
        // Past the id order's sample spacing (64), so that the samples narrow the search.
        fc.uniqueArray(idArb, { maxLength: 300 }),
        fc.array(
          fc.string({
            unit: fc.constantFrom('a', 'b', 'z', '0', '-', '\u00e9', '\u0100', '\uffff'),
            maxLength: 6,
          }),
        ),
        (ids, others) => {
          const bytes = new IdBytes(ids.length, width);
          ids.forEach((id, row) => {
            for (let i = 0; i < width; i++) bytes.bytes[row * width + i] = id.charCodeAt(i);
          });
          const rows = { idAt: (row: number) => bytes.textAt(row) } as ItemRows;
          const order = Uint32Array.from(ids.keys()).sort((a, b) => (ids[a]! < ids[b]! ? -1 : 1));
          for (const text of [...ids, ...others]) {
            const expected = ids.indexOf(text);
            const want = expected < 0 ? undefined : expected;
            expect(rowOfId(rows, order, text, bytes)).toBe(want);
            expect(rowOfId(rows, order, text)).toBe(want);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
