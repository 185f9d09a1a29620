import { type OutputStream, writeChunk } from '../io.js';
import type { Column } from './columns.js';
import { displayWidth } from './display-width.js';
import { cellText, valueAt } from './fields.js';
import { escapeControls } from './terminal-text.js';

const gap = '   ';

/** One cell as a person sees it: human sizes and times, one line, controls written out. */
export function tableCell(column: Column, record: unknown): string {
  const value = valueAt(record, column.path);
  const text = column.human ? column.human(value) : cellText(value);
  return escapeControls(text.replace(/[\r\n\t]+/g, ' '));
}

function formatRow(cells: readonly string[], widths: number[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    const width = displayWidth(cell);
    // A wider cell than the first page had widens its column from here on, as kubectl's
    // later chunks do; rows already printed stay as they were.
    if (width > widths[i]!) widths[i] = width;
    line += i === cells.length - 1 ? cell : cell + ' '.repeat(widths[i]! - width) + gap;
  }
  return `${line.trimEnd()}\n`;
}

export interface TableWriter {
  write(records: readonly unknown[]): Promise<void>;
  /** Prints what is held back; returns how many rows were written. */
  end(): Promise<number>;
}

/**
 * A kubectl-style table, streamed: no borders, columns three spaces apart, no trailing
 * blanks. The first batch (a page) sets the column widths, as kubectl does for its first
 * chunk; later rows print as they come, so a table of any length costs time linear in its
 * rows and memory for one page.
 */
export function createTableWriter(options: {
  stream: OutputStream;
  columns: readonly Column[];
  bold?: ((s: string) => string) | undefined;
}): TableWriter {
  const { stream, columns, bold } = options;
  const headers = columns.map((c) => escapeControls(c.header));
  let widths: number[] | undefined;
  let count = 0;

  const header = (w: number[]): string => {
    const line = headers
      .map((h, i) => (i === headers.length - 1 ? h : h.padEnd(w[i]!) + gap))
      .join('')
      .trimEnd();
    return `${bold ? bold(line) : line}\n`;
  };

  return {
    async write(records) {
      if (records.length === 0) return;
      const rows = records.map((record) => columns.map((column) => tableCell(column, record)));
      let chunk = '';
      if (widths === undefined) {
        const first = headers.map((h) => displayWidth(h));
        for (const row of rows)
          for (let i = 0; i < row.length; i++) first[i] = Math.max(first[i]!, displayWidth(row[i]!));
        widths = first;
        chunk = header(widths);
      }
      for (const row of rows) chunk += formatRow(row, widths);
      count += rows.length;
      await writeChunk(stream, chunk);
    },
    async end() {
      return count;
    },
  };
}

/** A two-column `key   value` layout for one record, as `backups show` prints on a terminal. */
export function renderKeyValues(pairs: readonly [string, string][], bold?: (s: string) => string): string {
  const shown = pairs.map(
    ([k, v]) => [escapeControls(k), escapeControls(v.replace(/[\r\n\t]+/g, ' '))] as const,
  );
  const width = Math.max(0, ...shown.map(([k]) => displayWidth(k)));
  return shown
    .map(([key, value]) => {
      const padded = key + ' '.repeat(width - displayWidth(key));
      return `${bold ? bold(padded) : padded}   ${value}`.trimEnd();
    })
    .join('\n')
    .concat(shown.length ? '\n' : '');
}
