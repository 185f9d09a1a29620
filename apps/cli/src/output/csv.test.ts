import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, csvRow } from './csv.js';

/** A small RFC 4180 reader, written independently of the writer, to check round trips. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  return rows;
}

describe('csv', () => {
  it('quotes only when needed', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvRow(['id', 'name'])).toBe('id,name\n');
  });

  it('round-trips any rows through a CSV reader', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r', ' ', 'é') }), {
            minLength: 1,
            maxLength: 5,
          }),
          {
            maxLength: 5,
          },
        ),
        (rows) => {
          const text = rows.map(csvRow).join('');
          expect(parseCsv(text)).toEqual(rows);
        },
      ),
      { verbose: true },
    );
  });
});
