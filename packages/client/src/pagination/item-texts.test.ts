import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arrayItemTexts, parseBodyWithTexts } from './item-texts.js';

/** JSON text of a value with random whitespace between tokens (what a pretty-printing server may send). */
function spaced(value: unknown, space: () => string): string {
  if (Array.isArray(value)) {
    return `[${space()}${value.map((v) => spaced(v, space)).join(`${space()},${space()}`)}${space()}]`;
  }
  if (value !== null && typeof value === 'object') {
    const parts = Object.entries(value).map(
      ([k, v]) => `${JSON.stringify(k)}${space()}:${space()}${spaced(v, space)}`,
    );
    return `{${space()}${parts.join(`${space()},${space()}`)}${space()}}`;
  }
  return JSON.stringify(value);
}

// Strings full of the characters the scanner must not mistake for structure.
const trickyString = fc.stringMatching(/^[a-z"\\{}[\],: \u2028\u00e9\u{1f600}]{0,12}$/u);
const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    trickyString,
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(trickyString, tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('arrayItemTexts', () => {
  it('gives, for every element, a text that parses to exactly that element (property)', () => {
    fc.assert(
      fc.property(
        fc.array(jsonValue, { maxLength: 6 }),
        fc.dictionary(trickyString, jsonValue, { maxKeys: 3 }),
        fc.boolean(),
        fc.array(fc.constantFrom('', ' ', '\n', '\t', '\r\n  '), { minLength: 1, maxLength: 8 }),
        (items, others, keyFirst, spaces) => {
          let n = 0;
          const space = () => spaces[n++ % spaces.length]!;
          const { checkpoint_items: _drop, ...rest } = others as Record<string, unknown>;
          const body = keyFirst ? { checkpoint_items: items, ...rest } : { ...rest, checkpoint_items: items };
          const text = spaced(body, space);
          const parsed = JSON.parse(text) as { checkpoint_items: unknown[] };
          const texts = arrayItemTexts(text, 'checkpoint_items');
          expect(texts).toBeDefined();
          expect(texts!.length).toBe(parsed.checkpoint_items.length);
          texts!.forEach((t, i) => {
            expect(JSON.parse(t)).toStrictEqual(parsed.checkpoint_items[i]);
            // Trimmed: no whitespace around an element.
            expect(t).toBe(t.trim());
          });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps each element exactly as sent, unknown fields and number spelling included', () => {
    const text =
      '{"checkpoint_items":[{"id":"a","size":1.50,"x-new":{"k":[1,2]}} , {"id":"b\\"}]","n":1e400}],"other":[9]}';
    expect(arrayItemTexts(text, 'checkpoint_items')).toEqual([
      '{"id":"a","size":1.50,"x-new":{"k":[1,2]}}',
      '{"id":"b\\"}]","n":1e400}',
    ]);
  });

  it('finds the key only at the top level, and takes the last of duplicates as JSON.parse does', () => {
    const nested = '{"meta":{"checkpoint_items":[1]},"checkpoint_items":[{"id":"top"}]}';
    expect(arrayItemTexts(nested, 'checkpoint_items')).toEqual(['{"id":"top"}']);
    const valueNotKey = '{"note":"checkpoint_items","checkpoint_items":[]}';
    expect(arrayItemTexts(valueNotKey, 'checkpoint_items')).toEqual([]);
    const twice = '{"checkpoint_items":[{"id":"first"}],"checkpoint_items":[{"id":"last"}]}';
    expect(arrayItemTexts(twice, 'checkpoint_items')).toEqual(['{"id":"last"}']);
    const escapedKey = '{"checkpoint\\u005fitems":[{"id":"e"}]}';
    expect(arrayItemTexts(escapedKey, 'checkpoint_items')).toEqual(['{"id":"e"}']);
  });

  it('answers undefined when there is no such array', () => {
    expect(arrayItemTexts('{"checkpoint_items":null}', 'checkpoint_items')).toBeUndefined();
    expect(arrayItemTexts('{"other":[1]}', 'checkpoint_items')).toBeUndefined();
    expect(arrayItemTexts('[{"checkpoint_items":[1]}]', 'checkpoint_items')).toBeUndefined();
  });
});

// Items that start with their id key as the service's do (`id` in a listing, `resource_id`
// in a tag-query answer), some holding nested objects that also start with it (a separator
// the fast path must not split at), others in another order.
const pageItem = (idKey: string) =>
  fc.oneof(
    fc
      .record({ id: trickyString, rest: fc.dictionary(trickyString, jsonValue, { maxKeys: 3 }) })
      .map(({ id, rest }) => ({ [idKey]: id, ...rest })),
    fc
      .record({
        id: trickyString,
        nested: fc.array(fc.record({ id: trickyString, v: jsonValue }), { maxLength: 3 }),
      })
      .map(({ id, nested }) => ({ [idKey]: id, nested: nested.map((n) => ({ [idKey]: n.id, v: n.v })) })),
    fc.record({ name: trickyString, id: trickyString }).map(({ name, id }) => ({ name, [idKey]: id })),
  );

describe.each([
  ['checkpoint_items', 'id', ',"checkpoint_items_links":[{"href":"h","rel":"next"}]'],
  ['resources', 'resource_id', ',"total_count":12'],
])('parseBodyWithTexts, %s', (key, idKey, usualTail) => {
  it('equals JSON.parse with the texts of arrayItemTexts, or declines (property)', () => {
    let taken = 0;
    fc.assert(
      fc.property(
        fc.array(pageItem(idKey), { maxLength: 6 }),
        fc.dictionary(trickyString, jsonValue, { maxKeys: 2 }),
        fc.constantFrom('', usualTail, `,"${key}":[]`),
        fc.boolean(),
        (items, others, tail, spaced) => {
          const { [key]: _drop, ...rest } = others as Record<string, unknown>;
          const extra = Object.keys(rest).length === 0 ? '' : `,${JSON.stringify(rest).slice(1, -1)}`;
          const array = spaced ? JSON.stringify(items, null, 1) : JSON.stringify(items);
          const body = `{"${key}":${array}${extra}${tail}}`;
          const result = parseBodyWithTexts(body, key);
          if (result === undefined) return;
          taken++;
          expect(result.json).toStrictEqual(JSON.parse(body));
          expect(result.texts).toEqual(arrayItemTexts(body, key));
        },
      ),
      { numRuns: 500 },
    );
    // The fast path must be exercised, not just declined.
    expect(taken).toBeGreaterThan(40);
  });

  it('takes the fast path for a compact page, and declines a nested separator or a later duplicate', () => {
    const page = `{"${key}":[{"${idKey}":"a","x":1},{"${idKey}":"b"}]${usualTail}}`;
    expect(parseBodyWithTexts(page, key)?.texts).toEqual([`{"${idKey}":"a","x":1}`, `{"${idKey}":"b"}`]);
    expect(parseBodyWithTexts(`{"${key}":[]}`, key)?.texts).toEqual([]);
    const nested = `{"${key}":[{"${idKey}":"a","v":[{"${idKey}":"x"},{"${idKey}":"y"}]},{"${idKey}":"b"}]}`;
    expect(parseBodyWithTexts(nested, key)).toBeUndefined();
    const twice = `{"${key}":[{"${idKey}":"a"}],"${key}":[{"${idKey}":"b"}]}`;
    expect(parseBodyWithTexts(twice, key)).toBeUndefined();
    expect(parseBodyWithTexts(`{ "${key}": [] }`, key)).toBeUndefined();
    // Another array's prefix is not this one.
    expect(parseBodyWithTexts(`{"other":[{"${idKey}":"a"}]}`, key)).toBeUndefined();
  });
});
