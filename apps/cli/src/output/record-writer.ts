import { type OutputStream, writeChunk } from '../io.js';
import type { OutputFormat } from '../vocabulary.js';
import type { Column } from './columns.js';
import { csvRow, neutraliseFormula } from './csv.js';
import { cellText, pickFields, valueAt } from './fields.js';
import { createJsonWriter } from './json.js';
import { createTableWriter } from './table.js';

/**
 * Writes a stream of records in one format. `write` takes a batch (a page) so that a
 * million-item walk costs one `write()` per page; streaming formats (ndjson, csv, table,
 * an `--all` json) write at once and honour backpressure, buffered ones (yaml, a one-window
 * json) write at `end`, so an error half-way leaves their output empty.
 */
export interface RecordWriter {
  /**
   * `texts[i]`, when given, is the JSON text of `batch[i]` exactly as the service sent it
   * (the client's `itemTexts`); NDJSON without `--fields` copies it instead of
   * serialising the record again. `lines`, when given, is the whole batch as NDJSON bytes
   * as received (the client's `itemLines`), which NDJSON without `--fields` writes as it is.
   * Other formats ignore both.
   */
  write(batch: readonly unknown[], texts?: readonly string[], lines?: Uint8Array): Promise<void>;
  /** Finishes the output; returns how many records were written. */
  end(): Promise<number>;
  /** After a failure: leaves what reached the stream parseable in its format (closes a JSON array). */
  abort(): Promise<void>;
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
  /** CSV: neutralise formula cells (`=…`, `+…`, `-…`, `@…`) with a leading `'`; on unless false. */
  escapeFormulas?: boolean;
  /**
   * How table and CSV columns and `--fields` see a record (a query's resource as its
   * backup); JSON, NDJSON and YAML without `--fields` keep the record as received.
   */
  view?: ((record: unknown) => unknown) | undefined;
  bold?: (s: string) => string;
}

function oneLine(text: string): boolean {
  return text.indexOf('\n') < 0 && text.indexOf('\r') < 0;
}

export function createRecordWriter(options: RecordWriterOptions): RecordWriter {
  const { stream, columns, fields } = options;
  const view = options.view ?? ((r: unknown) => r);
  const project = fields ? (r: unknown) => pickFields(view(r), fields) : (r: unknown) => r;
  let count = 0;

  switch (options.format) {
    case 'ndjson':
      return {
        async write(batch, texts, lines) {
          count += batch.length;
          if (lines !== undefined && !fields) return writeChunk(stream, lines);
          const copy = texts !== undefined && texts.length === batch.length && !fields;
          const out: string[] = new Array(batch.length + 1);
          for (let i = 0; i < batch.length; i++) {
            const text = copy ? (texts[i] as string) : undefined;
            // A received text is one line unless the server pretty-printed it (a raw line
            // break can only be whitespace: JSON strings cannot hold one); then re-serialise.
            out[i] = text !== undefined && oneLine(text) ? text : JSON.stringify(project(batch[i]));
          }
          // One flat string (join) rather than a rope of 2000 pieces flattened on write.
          out[batch.length] = '';
          await writeChunk(stream, batch.length === 0 ? '' : out.join('\n'));
        },
        async end() {
          return count;
        },
        async abort() {},
      };
    case 'csv': {
      // The header goes out with the first batch, or alone at the end of an empty listing.
      let header = csvRow(columns.map((c) => c.path));
      const cell = options.escapeFormulas === false ? (t: string) => t : neutraliseFormula;
      return {
        async write(batch) {
          let chunk = header;
          header = '';
          for (const record of batch) {
            const seen = view(record);
            chunk += csvRow(columns.map((c) => cell(cellText(valueAt(seen, c.path)))));
          }
          count += batch.length;
          await writeChunk(stream, chunk);
        },
        async end() {
          await writeChunk(stream, header);
          header = '';
          return count;
        },
        // Every row went out whole, so the lines so far are valid CSV as they are.
        async abort() {},
      };
    }
    case 'json': {
      const json = createJsonWriter({ stream, streamed: options.streamJson === true });
      return {
        write: (batch) => json.write(batch.map(project)),
        end: () => json.end(),
        abort: () => json.abort(),
      };
    }
    case 'yaml': {
      const records: unknown[] = [];
      return {
        async write(batch) {
          for (const record of batch) records.push(project(record));
        },
        async end() {
          // The yaml package is a tenth of the bundle a command loads: only yaml output loads it.
          const { stringifyYaml } = await import('./yaml.js');
          await writeChunk(stream, records.length === 0 ? '[]\n' : stringifyYaml(records));
          return records.length;
        },
        async abort() {},
      };
    }
    case 'table': {
      const table = createTableWriter({ stream, columns, bold: options.bold });
      // Rows already printed stay: a table is for people, and it is complete row by row.
      return {
        write: (batch) => table.write(options.view ? batch.map(options.view) : batch),
        end: () => table.end(),
        abort: async () => {},
      };
    }
  }
}
