import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itemLinesOver } from './item-lines.js';
import { parseBodyWithTexts } from './item-texts.js';

const utf8 = (bytes: Uint8Array) => new TextDecoder('utf-8', { fatal: true }).decode(bytes);

// Names with what could be mistaken for structure, multi-byte characters (byte offsets
// differ from string offsets after them) and escapes of line breaks.
const name = fc.stringMatching(/^[a-z"\\{}[\],: é中\u{1f600}\u2028\n\r]{0,10}$/u);
const item = (idKey: string) =>
  fc
    .record({
      id: name,
      name,
      size: fc.integer(),
      extra: fc.option(fc.dictionary(name, name, { maxKeys: 2 })),
    })
    .map(({ id, name, size, extra }) => ({ [idKey]: id, name, size, ...(extra ? { extra } : {}) }));

function split(body: string, key: string) {
  const result = parseBodyWithTexts(body, key);
  if (result === undefined) throw new Error(`the fast path declined ${body}`);
  return result;
}

describe.each([
  ['checkpoint_items', 'id', ',"checkpoint_items_links":[{"href":"hé","rel":"next"}]'],
  ['resources', 'resource_id', ',"total_count":12'],
])('itemLinesOver, %s', (key, idKey, usualTail) => {
  it('is the item texts, each and a line feed, from the body bytes (property)', () => {
    fc.assert(
      fc.property(fc.array(item(idKey), { maxLength: 8 }), fc.constantFrom('', usualTail), (items, tail) => {
        const body = `{"${key}":${JSON.stringify(items)}${tail}}`;
        const { texts, array } = split(body, key);
        const lines = itemLinesOver(Buffer.from(body), array);
        expect(lines).toBeDefined();
        expect(utf8(lines!)).toBe(texts.map((t) => `${t}\n`).join(''));
        expect(
          utf8(lines!)
            .split('\n')
            .slice(0, -1)
            .map((line) => JSON.parse(line)),
        ).toEqual(items);
      }),
      { numRuns: 500 },
    );
  });

  it('declines, leaving the bytes as they were, what it cannot write as lines', () => {
    const page = `{"${key}":[{"${idKey}":"a"},{"${idKey}":"é"}]${usualTail}}`;
    const { array } = split(page, key);
    const declined = (bytes: Uint8Array) => {
      const before = [...bytes];
      expect(itemLinesOver(bytes, array)).toBeUndefined();
      expect([...bytes]).toEqual(before);
    };
    // A byte-order mark (the text has it dropped), and a broken UTF-8 sequence.
    declined(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page)]));
    const broken = Buffer.from(page);
    broken[broken.indexOf(Buffer.from('é'))] = 0xff;
    declined(broken);
    // Raw line breaks inside an item: JSON whitespace, but an NDJSON line may not hold them.
    for (const lineBreak of ['\n', '\r']) {
      const spaced = `{"${key}":[{"${idKey}":"a",${lineBreak}"x":1},{"${idKey}":"b"}]}`;
      expect(itemLinesOver(Buffer.from(spaced), split(spaced, key).array)).toBeUndefined();
    }
    expect(utf8(itemLinesOver(Buffer.from(page), array)!)).toBe(`{"${idKey}":"a"}\n{"${idKey}":"é"}\n`);
  });

  it('an empty page is no bytes', () => {
    const body = `{"${key}":[]${usualTail}}`;
    expect(itemLinesOver(Buffer.from(body), split(body, key).array)?.length).toBe(0);
  });
});
