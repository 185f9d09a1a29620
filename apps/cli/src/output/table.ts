import Table from 'cli-table3';

const borderless = {
  top: '',
  'top-mid': '',
  'top-left': '',
  'top-right': '',
  bottom: '',
  'bottom-mid': '',
  'bottom-left': '',
  'bottom-right': '',
  left: '',
  'left-mid': '',
  mid: '',
  'mid-mid': '',
  right: '',
  'right-mid': '',
  middle: '   ',
};

/**
 * A kubectl-style table: no borders, columns three spaces apart, no trailing blanks, so it
 * reads well and still copies cleanly into other tools.
 */
export function renderTable(
  headers: readonly string[],
  rows: readonly string[][],
  bold?: (s: string) => string,
): string {
  const table = new Table({
    head: headers.map((h) => (bold ? bold(h) : h)),
    chars: borderless,
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
  });
  for (const row of rows) table.push(row.map((cell) => cell.replace(/[\r\n\t]+/g, ' ')));
  return `${table
    .toString()
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')}\n`;
}

/** A two-column `key   value` layout for one record, as `backups show` prints on a terminal. */
export function renderKeyValues(pairs: readonly [string, string][], bold?: (s: string) => string): string {
  const width = Math.max(0, ...pairs.map(([k]) => k.length));
  return pairs
    .map(([key, value]) => `${bold ? bold(key.padEnd(width)) : key.padEnd(width)}   ${value}`.trimEnd())
    .join('\n')
    .concat(pairs.length ? '\n' : '');
}
