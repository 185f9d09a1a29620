import { stringify } from 'yaml';
import { type OutputStream, writeChunk } from '../io.js';
import type { OutputFormat } from '../vocabulary.js';
import type { Column } from './columns.js';
import { csvRow } from './csv.js';
import { cellText, pickFields, valueAt } from './fields.js';
import { renderTable } from './table.js';

/**
 * Writes a stream of records in one format. `write` takes a batch (a page) so that a
 * million-item walk costs one `write()` per page; streaming formats write at once and
 * honour backpressure, buffered ones (table, yaml, a one-page json) write at `end`, so an
 * error half-way leaves their output empty.
 */
export interface RecordWriter {
  /**
   * `texts[i]`, when given, is the JSON text of `batch[i]` exactly as the service sent it
   * (the client's `itemTexts`); NDJSON without `--fields` copies it instead of
   * serialising the record again. Other formats ignore it.
   */
  write(batch: readonly unknown[], texts?: readonly string[]): Promise<void>;
  /** Finishes the output; returns how many records were written. */
  end(): Promise<number>;
}

export interface RecordWriterOptions {
  format: OutputFormat;
  stream: OutputStream;
  /** Columns of table and CSV output. */
  columns: readonly Column[];
  /** `--fields`: JSON, NDJSON and YAML keep only these paths. */
  fields?: readonly string[] | undefined;
  /** JSON: write the array as records arrive instead of at the end. */
  streamJson?: boolean;
  bold?: (s: string) => string;
}

function indentJson(record: unknown): string {
  return `  ${JSON.stringify(record, null, 2).replaceAll('\n', '\n  ')}`;
}

function oneLine(text: string): boolean {
  return text.indexOf('\n') < 0 && text.indexOf('\r') < 0;
}

export function createRecordWriter(options: RecordWriterOptions): RecordWriter {
  const { stream, columns, fields } = options;
  const project = fields ? (r: unknown) => pickFields(r, fields) : (r: unknown) => r;
  let count = 0;

  switch (options.format) {
    case 'ndjson':
      return {
        async write(batch, texts) {
          const copy = texts !== undefined && texts.length === batch.length && !fields;
          const lines: string[] = new Array(batch.length + 1);
          for (let i = 0; i < batch.length; i++) {
            const text = copy ? (texts[i] as string) : undefined;
            // A received text is one line unless the server pretty-printed it (a raw line
            // break can only be whitespace: JSON strings cannot hold one); then re-serialise.
            lines[i] = text !== undefined && oneLine(text) ? text : JSON.stringify(project(batch[i]));
          }
          // One flat string (join) rather than a rope of 2000 pieces flattened on write.
          lines[batch.length] = '';
          count += batch.length;
          await writeChunk(stream, batch.length === 0 ? '' : lines.join('\n'));
        },
        async end() {
          return count;
        },
      };
    case 'csv': {
      // The header goes out with the first batch, or alone at the end of an empty listing.
      let header = csvRow(columns.map((c) => c.path));
      return {
        async write(batch) {
          let chunk = header;
          header = '';
          for (const record of batch) chunk += csvRow(columns.map((c) => cellText(valueAt(record, c.path))));
          count += batch.length;
          await writeChunk(stream, chunk);
        },
        async end() {
          await writeChunk(stream, header);
          header = '';
          return count;
        },
      };
    }
    case 'json': {
      if (options.streamJson) {
        return {
          async write(batch) {
            let chunk = '';
            for (const record of batch)
              chunk += `${count++ === 0 ? '[\n' : ',\n'}${indentJson(project(record))}`;
            await writeChunk(stream, chunk);
          },
          async end() {
            await writeChunk(stream, count === 0 ? '[]\n' : '\n]\n');
            return count;
          },
        };
      }
      const records: unknown[] = [];
      return {
        async write(batch) {
          for (const record of batch) records.push(project(record));
        },
        async end() {
          await writeChunk(stream, `${JSON.stringify(records, null, 2)}\n`);
          return records.length;
        },
      };
    }
    case 'yaml': {
      const records: unknown[] = [];
      return {
        async write(batch) {
          for (const record of batch) records.push(project(record));
        },
        async end() {
          await writeChunk(stream, records.length === 0 ? '[]\n' : stringify(records));
          return records.length;
        },
      };
    }
    case 'table': {
      const rows: string[][] = [];
      return {
        async write(batch) {
          for (const record of batch) {
            rows.push(
              columns.map((c) => {
                const value = valueAt(record, c.path);
                return c.human ? c.human(value) : cellText(value);
              }),
            );
          }
        },
        async end() {
          if (rows.length > 0) {
            await writeChunk(
              stream,
              renderTable(
                columns.map((c) => c.header),
                rows,
                options.bold,
              ),
            );
          }
          return rows.length;
        },
      };
    }
  }
}
