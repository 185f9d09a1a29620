import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderSingleRecord } from './single-record.js';

const item = {
  id: 'b1',
  status: 'available',
  created_at: '2026-01-02T03:04:05.123456',
  extend_info: { size: 2048, resource_az: 'eu-de-01' },
  tags: [{ key: 'env', value: 'prod' }],
};

describe('renderSingleRecord', () => {
  it('table: every leaf as path and value, sizes and times readable with the raw value kept', () => {
    expect(renderSingleRecord(item, 'table')).toBe(
      [
        'id                        b1',
        'status                    available',
        'created_at                2026-01-02 03:04 UTC (2026-01-02T03:04:05.123456)',
        'extend_info.size          2 GB (2048 MB)',
        'extend_info.resource_az   eu-de-01',
        'tags                      env=prod',
        '',
      ].join('\n'),
    );
  });

  it('json, ndjson, yaml and csv', () => {
    expect(JSON.parse(renderSingleRecord(item, 'json'))).toEqual(item);
    expect(renderSingleRecord(item, 'ndjson')).toBe(`${JSON.stringify(item)}\n`);
    expect(parse(renderSingleRecord(item, 'yaml'))).toEqual(item);
    expect(renderSingleRecord({ count: 3 }, 'csv')).toBe('count\n3\n');
  });

  it('--fields limits every format', () => {
    expect(JSON.parse(renderSingleRecord(item, 'json', ['id', 'extend_info.size']))).toEqual({
      id: 'b1',
      extend_info: { size: 2048 },
    });
    expect(renderSingleRecord(item, 'table', ['id', 'status'])).toBe('id       b1\nstatus   available\n');
    expect(renderSingleRecord(item, 'csv', ['id', 'tags'])).toBe('id,tags\nb1,env=prod\n');
  });
});
