import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shellWord, tourSteps } from './demo.js';

/** A minimal POSIX single-quote reader, to check that quoted words read back unchanged. */
function unquote(word: string): string {
  if (!word.startsWith("'")) return word;
  return word.slice(1, -1).replaceAll("'\\''", "'");
}

describe('shellWord', () => {
  it('quotes only words that need it', () => {
    expect(shellWord('--max')).toBe('--max');
    expect(shellWord('id,name,extend_info.size')).toBe('id,name,extend_info.size');
    expect(shellWord('env=prod,tier in (a,b)')).toBe("'env=prod,tier in (a,b)'");
    expect(shellWord("it's")).toBe("'it'\\''s'");
  });

  it('reads back as the same word', () => {
    fc.assert(
      fc.property(fc.string(), (word) => {
        expect(unquote(shellWord(word))).toBe(word);
      }),
    );
  });
});

describe('tourSteps', () => {
  it('lists, queries with a selector, gives its total, and counts', () => {
    const lines = tourSteps().map((s) => s.argv.join(' '));
    expect(lines[0]).toMatch(/^backups list /);
    expect(lines.some((l) => l.startsWith('backups query --selector') && l.endsWith('--count'))).toBe(true);
    expect(lines.some((l) => l.startsWith('backups count'))).toBe(true);
  });

  it('ends with the fleet report over every project', () => {
    const last = tourSteps().at(-1);
    expect(last?.argv.slice(0, 2)).toEqual(['report', '--all-projects']);
    expect(last?.fleet).toBe(true);
  });
});
