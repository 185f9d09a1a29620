import { describe, expect, it } from 'vitest';
import { FuzzyConditions } from './fuzzy-conditions.js';
import { NameGrams } from './name-grams.js';
import { StringColumn } from './string-column.js';

describe('FuzzyConditions', () => {
  // Rows of manual and automatic backup names, as generated data names them.
  const rows = Array.from({ length: 600 }, (_, i) =>
    i % 3 === 0 ? `autobk_${(i % 97).toString(16)}` : `manualbk_${(i % 89).toString(16)}`,
  );
  const column = new StringColumn(rows);
  const conditions = new FuzzyConditions({ column, grams: new NameGrams(column.values) });
  const holding = (needle: string) => rows.filter((name) => name.toLowerCase().includes(needle)).length;

  it('gives needles of one answer one condition, built once, counting the rows that hold them', () => {
    const short = conditions.of('man');
    const long = conditions.of('MANUA');
    expect(long).toBe(short);
    expect(conditions.of('manual')).toBe(short);
    expect(typeof short === 'object' && short !== null ? short.count : -1).toBe(holding('man'));
    // A narrower answer is a condition of its own.
    const auto = conditions.of('tobk');
    expect(auto).not.toBe(short);
    expect(typeof auto === 'object' && auto !== null ? auto.count : -1).toBe(holding('tobk'));
  });
});
