import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idBytesOf as bytesOfIds, IdBytes, IdBytesColumn, rankIdBytes } from './id-bytes.js';
import { rankTexts } from './text-rank.js';

const width = 8;

function idBytesOf(texts: readonly string[]): IdBytes {
  const ids = new IdBytes(texts.length, width);
  texts.forEach((text, row) => {
    for (let i = 0; i < width; i++) ids.bytes[row * width + i] = text.charCodeAt(i);
  });
  return ids;
}

// Few characters, so that ids often share their six-byte radix key and tie on it.
const idText = fc.string({ minLength: width, maxLength: width, unit: fc.constantFrom('0', 'a', '-') });

describe('IdBytes', () => {
  it('gives back each id as its string, and compares bytes with text', () => {
    const texts = ['0123abcd', 'ffff-000', '00000000'];
    const ids = idBytesOf(texts);
    expect(texts.map((_, row) => ids.textAt(row))).toEqual(texts);
    expect(ids.equals(1, 'ffff-000')).toBe(true);
    expect(ids.equals(1, 'ffff-001')).toBe(false);
    expect(ids.equals(1, 'ffff-00')).toBe(false);
  });

  it('ranks like rankTexts of the strings, ties on the radix key included (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(idText, { maxLength: 300 }), (texts) => {
        expect([...rankIdBytes(idBytesOf(texts))]).toEqual([...rankTexts(texts, 0)]);
      }),
    );
  });

  it('finds each distinct id by its text and nothing else (fast-check)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(idText, { maxLength: 200 }), idText, (texts, other) => {
        const column = new IdBytesColumn(idBytesOf(texts));
        texts.forEach((text, row) => {
          expect(column.codeOf(text)).toBe(row);
          expect([...column.rowsOf(row)]).toEqual([row]);
          expect(column.codes[row]).toBe(row);
        });
        expect(column.codeOf(other)).toBe(texts.indexOf(other));
        expect(column.codeOf(`${texts[0] ?? ''}x`)).toBe(-1);
      }),
    );
  });

  it('tells apart full-width ids that agree on every hashed byte', () => {
    const texts = Array.from({ length: 50 }, (_, i) => `0123456789ab-${String(i).padStart(23, '0')}`);
    const ids = new IdBytes(texts.length);
    texts.forEach((text, row) => {
      ids.bytes.set(Buffer.from(text, 'latin1'), row * 36);
    });
    const column = new IdBytesColumn(ids);
    texts.forEach((text, row) => {
      expect(column.codeOf(text)).toBe(row);
    });
    expect(column.codeOf(`0123456789ab-${'9'.repeat(23)}`)).toBe(-1);
    expect([...rankIdBytes(ids)]).toEqual(texts.map((_, i) => i));
  });

  it('ranks ids that share a long head (long runs of one radix key) like rankTexts', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(99_999), { minLength: 20, maxLength: 400 }), (numbers) => {
        const texts = numbers.map((n) => `backup-${String(n).padStart(5, '0')}`);
        expect([...rankIdBytes(bytesOfIds(texts)!)]).toEqual([...rankTexts(texts, 0)]);
      }),
      { numRuns: 50 },
    );
  });

  it('holds string ids as bytes only when all are of one width and ASCII', () => {
    const ids = bytesOfIds(['ab-1', 'cd-2']);
    expect(ids?.width).toBe(4);
    expect([ids?.textAt(0), ids?.textAt(1)]).toEqual(['ab-1', 'cd-2']);
    expect(bytesOfIds(['ab-1', 'cd-22'])).toBeUndefined();
    expect(bytesOfIds(['ab-é', 'cd-2'])).toBeUndefined();
    expect(bytesOfIds([])).toBeUndefined();
    expect(bytesOfIds(['', ''])).toBeUndefined();
  });
});
