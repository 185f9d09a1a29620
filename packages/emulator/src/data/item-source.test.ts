import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countKeys, scanDataFileItems } from './item-source.js';

/**
 * What the load relies on: for every item the scan vouches for (keys >= 0 and equal to the
 * parsed item's count), the slice is exactly JSON.stringify of what JSON.parse built.
 */
function vouchedSlices(text: string): { kept: number; total: number } {
  const parsed = JSON.parse(text) as { projects: Record<string, { checkpoint_items: unknown[] }> };
  const scanned = scanDataFileItems(text);
  let kept = 0;
  let total = 0;
  for (const [project, content] of Object.entries(parsed.projects)) {
    const items = content.checkpoint_items;
    const found = scanned?.get(project);
    if (found === undefined) continue;
    expect(found.starts).toHaveLength(items.length);
    items.forEach((item, k) => {
      total++;
      // Whatever the form, the slice parses to the item.
      expect(JSON.parse(text.slice(found.starts[k], found.ends[k]))).toEqual(item);
      if (found.keys[k]! < 0 || found.keys[k] !== countKeys(item)) return;
      kept++;
      expect(text.slice(found.starts[k], found.ends[k])).toBe(JSON.stringify(item));
      const tags = (item as { tags?: unknown }).tags;
      if (found.tagsStarts[k]! >= 0) {
        expect(text.slice(found.tagsStarts[k], found.tagsEnds[k])).toBe(JSON.stringify(tags));
      } else {
        expect(tags).toBeUndefined();
      }
    });
  }
  return { kept, total };
}

// Strings that exercise escapes, unicode and the line separators.
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('\u2028', '\u2029', '"', '\\', '\n', '\u0000', '\u001f', '\u007f', 'é', '😀', '/'),
);
// Not the key "\\" alone: V8 in Node 24.21 then parses a later key `"\n"` (and other
// one-character escapes) as "\\" too (`JSON.parse('{"\\\\":1}')` then `JSON.parse('{"\\n":1}')`
// gives the key "\\"), so JSON.stringify of the parse, the oracle here, would be wrong.
const key = fc
  .oneof(text, fc.constantFrom('tags', '0', '12', '__proto__', 'id', 'a b'))
  .filter((k) => k !== '\\');
const leaf = fc.oneof(
  text,
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);
const { value } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    leaf,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 4 }),
  ),
}));
const item = fc.record(
  {
    id: text,
    name: fc.option(text),
    tags: fc.array(fc.record({ key: text, value: text }), { maxLength: 3 }),
    extend_info: fc.dictionary(key, value, { maxKeys: 4 }),
  },
  { requiredKeys: ['id'] },
);
const data = fc.record({
  projects: fc.dictionary(key, fc.record({ checkpoint_items: fc.array(item, { maxLength: 4 }) }), {
    maxKeys: 3,
  }),
});

/** Re-spells JSON text: whitespace between tokens, escapes and number forms `JSON.stringify` never writes. */
function respell(json: string, seed: number): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json[i]!;
    if (inString) {
      if (c === '\\') {
        const length = json[i + 1] === 'u' ? 6 : 2;
        out += json.slice(i, i + length);
        i += length - 1;
        continue;
      }
      if (c === '"') inString = false;
      else if ((seed + i) % 7 === 0) {
        out += `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
        continue;
      }
      out += c;
      continue;
    }
    if (c === '"') inString = true;
    out += c;
    if ((c === ',' || c === ':' || c === '[' || c === '{') && (seed + i) % 5 === 0) out += ' \n\t';
  }
  return out;
}

describe('scanDataFileItems', () => {
  it('vouches only for slices equal to JSON.stringify of the parsed item (compact files)', () => {
    fc.assert(
      fc.property(data, (d) => {
        vouchedSlices(JSON.stringify(d));
      }),
      { numRuns: 300 },
    );
  });

  it('finds every item and still vouches only for exact slices when the file is re-spelled', () => {
    fc.assert(
      fc.property(data, fc.nat(1000), (d, seed) => {
        vouchedSlices(respell(JSON.stringify(d, null, seed % 3), seed));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every item of a compact file with plain keys', () => {
    const d = {
      projects: {
        p: {
          checkpoint_items: [
            { id: 'a\u2028"\\', tags: [{ key: 'k', value: 'é😀' }], n: [1, -2, 0.5, 1e21, null, { x: {} }] },
            { id: 'b', tags: [] },
          ],
        },
      },
    };
    expect(vouchedSlices(JSON.stringify(d))).toEqual({ kept: 2, total: 2 });
  });

  it('refuses items whose text JSON.stringify would write differently', () => {
    const cases = [
      '{"id":"a","x":1.0}', // number form
      '{"id":"a","x":1E3}',
      '{"id":"a","x":-0}',
      '{"id":"\\u0061"}', // an escape JSON.stringify does not write
      '{"id":"a\\/b"}',
      '{"id":"a", "x":1}', // whitespace
      '{"id":"a","x":1,"x":2}', // a duplicate key, folded by JSON.parse
      '{"id":"a","x":{"y":1,"y":1}}',
      '{"id":"a","2":1,"1":2}', // integer-like keys, reordered by JSON.parse
    ];
    for (const itemText of cases) {
      const file = `{"projects":{"p":{"checkpoint_items":[${itemText}]}}}`;
      expect(vouchedSlices(file), itemText).toEqual({ kept: 0, total: 1 });
    }
  });

  it('takes the last of repeated keys, as JSON.parse does', () => {
    const file =
      '{"projects":{"p":{"checkpoint_items":[{"id":"a"}]},"p":{"checkpoint_items":[{"id":"b"},{"id":"c"}]}},"users":[]}';
    expect(vouchedSlices(file)).toEqual({ kept: 2, total: 2 });
    expect(
      scanDataFileItems('{"projects":{"p":{"checkpoint_items":[{"id":"a"}]}},"projects":1}'),
    ).toBeUndefined();
  });

  it('gives up on lone surrogates, which JSON.stringify escapes', () => {
    expect(scanDataFileItems('{"projects":{"p":{"checkpoint_items":[{"id":"\ud800"}]}}}')).toBeUndefined();
  });
});

describe('countKeys', () => {
  /** Every key at every level, counted the plain way. */
  const reference = (value: unknown): number =>
    typeof value !== 'object' || value === null
      ? 0
      : Array.isArray(value)
        ? value.reduce((sum: number, element) => sum + reference(element), 0)
        : Object.values(value).reduce((sum: number, member) => sum + 1 + reference(member), 0);

  it('counts the keys of any JSON value at every level (fast-check)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(countKeys(value)).toBe(reference(value));
      }),
      { numRuns: 500 },
    );
  });
});
