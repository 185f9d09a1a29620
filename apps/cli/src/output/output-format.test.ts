import { describe, expect, it } from 'vitest';
import { CliUsageError } from '../errors.js';
import { chooseOutputFormat } from './output-format.js';

describe('chooseOutputFormat', () => {
  it('defaults to a table on a terminal and NDJSON elsewhere', () => {
    expect(chooseOutputFormat(undefined, true)).toBe('table');
    expect(chooseOutputFormat(undefined, false)).toBe('ndjson');
  });

  it('takes -o whatever the terminal, case-insensitively', () => {
    expect(chooseOutputFormat('json', true)).toBe('json');
    expect(chooseOutputFormat('CSV', false)).toBe('csv');
    expect(chooseOutputFormat('table', false)).toBe('table');
  });

  it('refuses an unknown format, naming the flag and the choices', () => {
    expect(() => chooseOutputFormat('xml', true)).toThrow(
      new CliUsageError('--output', 'must be one of table, json, ndjson, csv, yaml (got "xml")'),
    );
  });
});
