import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CliUsageError } from '../errors.js';
import { cellText, leafPaths, parseFieldList, pickFields, valueAt } from './fields.js';

const item = {
  id: 'b1',
  name: 'nightly',
  extend_info: { resource_az: 'eu-de-01', size: 2048, fail_code: {} },
  tags: [
    { key: 'env', value: 'prod' },
    { key: 'legacy', value: '' },
  ],
  description: null,
};

describe('parseFieldList', () => {
  it('splits, trims and removes repeats', () => {
    expect(parseFieldList('id, name,extend_info.resource_az,id')).toEqual([
      'id',
      'name',
      'extend_info.resource_az',
    ]);
  });

  it.each(['', 'id,,name', 'id name', 'extend_info.', '.id', 'a-b'])('refuses %j', (text) => {
    expect(() => parseFieldList(text)).toThrow(CliUsageError);
  });
});

describe('valueAt', () => {
  it('follows dotted paths and array indexes', () => {
    expect(valueAt(item, 'extend_info.resource_az')).toBe('eu-de-01');
    expect(valueAt(item, 'tags.1.key')).toBe('legacy');
    expect(valueAt(item, 'extend_info.missing')).toBeUndefined();
    expect(valueAt(item, 'name.length')).toBeUndefined();
    expect(valueAt(item, 'constructor')).toBeUndefined();
  });
});

describe('pickFields', () => {
  it('keeps the nested wire shape and fills missing paths with null', () => {
    expect(pickFields(item, ['id', 'extend_info.size', 'extend_info.nope', 'status'])).toEqual({
      id: 'b1',
      extend_info: { size: 2048, nope: null },
      status: null,
    });
  });

  it('picks exactly the requested top-level keys', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.stringMatching(/^[a-z_]{1,8}$/), fc.jsonValue()),
        fc.array(fc.stringMatching(/^[a-z_]{1,8}$/)),
        (record, keys) => {
          const picked = pickFields(record, keys);
          expect(Object.keys(picked).sort()).toEqual([...new Set(keys)].sort());
          for (const key of keys)
            expect(picked[key]).toEqual(Object.hasOwn(record, key) ? record[key] : null);
        },
      ),
    );
  });
});

describe('cellText', () => {
  it('renders tags as key=value and other objects as JSON', () => {
    expect(cellText(item.tags)).toBe('env=prod,legacy=');
    expect(cellText(item.extend_info.fail_code)).toBe('{}');
    expect(cellText(null)).toBe('');
    expect(cellText(false)).toBe('false');
    expect(cellText(12.5)).toBe('12.5');
  });
});

describe('leafPaths', () => {
  it('lists nested leaves in order, arrays as leaves', () => {
    expect(leafPaths(item)).toEqual([
      'id',
      'name',
      'extend_info.resource_az',
      'extend_info.size',
      'extend_info.fail_code',
      'tags',
      'description',
    ]);
  });
});
