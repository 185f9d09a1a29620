import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { stringifyYaml } from './yaml.js';

const retyped = [
  'no',
  'No',
  'NO',
  'n',
  'N',
  'yes',
  'y',
  'Y',
  'on',
  'On',
  'off',
  'OFF',
  'true',
  'False',
  'null',
  '~',
  '',
  '1_000',
  '12:30:00',
  '1:20',
  '2025-01-01',
  '2017-04-18T01:21:52.701973',
  '2001-12-14 21:59:43.10 -5',
  '0x1F',
  '0o17',
  '017',
  '0b101',
  '1e3',
  '+12',
  '-1.5',
  '.inf',
  '-.Inf',
  '.nan',
  '=',
  '<<',
];

describe('stringifyYaml', () => {
  it.each(retyped)('quotes %j, which a 1.1 or 1.2 reader would retype', (text) => {
    const out = stringifyYaml({ value: text });
    expect(out).toMatch(/^value: (!!str )?(".*"|'.*')\n$/);
    expect(parse(out, { version: '1.1' })).toEqual({ value: text });
    expect(parse(out)).toEqual({ value: text });
  });

  it('keeps numbers, booleans, null and plain words plain', () => {
    expect(stringifyYaml([{ id: 'b1', size: 1536, ok: true, none: null, name: 'nightly web' }])).toBe(
      '- id: b1\n  size: 1536\n  ok: true\n  none: null\n  name: nightly web\n',
    );
  });

  it('reads back as the same strings under 1.1 and 1.2 (property)', () => {
    const unit = fc.constantFrom(
      '0',
      '1',
      '9',
      '_',
      ':',
      '-',
      '.',
      'e',
      'o',
      'x',
      'n',
      'y',
      'T',
      ' ',
      '=',
      '<',
      'a',
    );
    fc.assert(
      fc.property(fc.array(fc.string({ unit, maxLength: 12 }), { maxLength: 4 }), (texts) => {
        const out = stringifyYaml(texts);
        expect(parse(out, { version: '1.1' })).toEqual(texts);
        expect(parse(out)).toEqual(texts);
      }),
    );
  });
});
