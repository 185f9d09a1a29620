import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CodedTexts, FewTexts } from './coded-texts.js';
import { textsOf } from './string-column.js';

describe('FewTexts', () => {
  it('codes the rows as CodedTexts does, below and past its few values (fast-check)', () => {
    // Up to 40 distinct texts: some runs stay under the limit, others spill into the map.
    const text = fc.oneof(
      fc.constantFrom('available', 'error', ''),
      fc.nat(39).map((n) => `v${n}`),
    );
    fc.assert(
      fc.property(fc.array(text, { maxLength: 120, size: 'max' }), (texts) => {
        const few = new FewTexts(texts.length);
        const coded = new CodedTexts(texts.length);
        texts.forEach((t, row) => {
          few.put(row, t);
          coded.put(row, t);
        });
        expect(textsOf(few.coded)).toEqual(texts);
        expect(Array.from(few.coded.codes)).toEqual(Array.from(coded.coded.codes));
        expect(few.coded.values).toEqual(coded.coded.values);
      }),
      { numRuns: 500 },
    );
  });
});
