import { type OutputStream, writeChunk } from '../io.js';

/**
 * The records as the inside of a pretty-printed array: `JSON.stringify` of the whole batch
 * indents each record as an array element already, so slicing off `[\n` and `\n]` gives
 * the same text as indenting each record's own string, in one pass and without a copy per
 * record (half the time, and far less garbage under the walk's small young generation).
 */
function arrayElementsJson(records: readonly unknown[]): string {
  const text = JSON.stringify(records, null, 2);
  return text.slice(2, text.length - 2);
}

export interface JsonWriter {
  write(records: readonly unknown[]): Promise<void>;
  end(): Promise<number>;
  /** After a failure: closes an array already started, so what reached stdout parses. */
  abort(): Promise<void>;
}

/**
 * A JSON array of records. Streamed (`--all`: written as records arrive, constant memory)
 * or buffered (one window, written at the end). Either way stdout holds valid JSON or
 * nothing, also when the walk fails half-way (`abort`).
 */
export function createJsonWriter(options: { stream: OutputStream; streamed: boolean }): JsonWriter {
  const { stream } = options;
  let count = 0;
  if (options.streamed) {
    return {
      async write(records) {
        if (records.length === 0) return;
        const chunk = `${count === 0 ? '[\n' : ',\n'}${arrayElementsJson(records)}`;
        count += records.length;
        await writeChunk(stream, chunk);
      },
      async end() {
        await writeChunk(stream, count === 0 ? '[]\n' : '\n]\n');
        return count;
      },
      async abort() {
        if (count > 0) await writeChunk(stream, '\n]\n');
      },
    };
  }
  const records: unknown[] = [];
  return {
    async write(batch) {
      for (const record of batch) records.push(record);
    },
    async end() {
      await writeChunk(stream, `${JSON.stringify(records, null, 2)}\n`);
      return records.length;
    },
    async abort() {},
  };
}
