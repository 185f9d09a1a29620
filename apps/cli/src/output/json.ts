import { type OutputStream, writeChunk } from '../io.js';

function indentJson(record: unknown): string {
  return `  ${JSON.stringify(record, null, 2).replaceAll('\n', '\n  ')}`;
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
        let chunk = '';
        for (const record of records) chunk += `${count++ === 0 ? '[\n' : ',\n'}${indentJson(record)}`;
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
