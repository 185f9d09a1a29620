import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { MemoryStream } from '../../test/helpers/memory-stream.js';
import { checkpointItemColumns, columnsForFields } from './columns.js';
import { createRecordWriter } from './record-writer.js';

const items = [
  {
    id: 'b1',
    name: 'nightly, web',
    status: 'available',
    created_at: '2026-01-02T03:04:05.123456',
    extend_info: { resource_name: 'web-01', resource_az: 'eu-de-01', size: 1536 },
    tags: [{ key: 'env', value: 'prod' }],
  },
  { id: 'b2', name: 'say "hi"', status: 'error', extend_info: null },
];

async function writeAll(
  format: Parameters<typeof createRecordWriter>[0]['format'],
  batches: unknown[][],
  extra = {},
) {
  const stream = new MemoryStream();
  const writer = createRecordWriter({ format, stream, columns: checkpointItemColumns, ...extra });
  for (const batch of batches) await writer.write(batch);
  const count = await writer.end();
  return { text: stream.text, count };
}

describe('createRecordWriter', () => {
  it('ndjson: one parseable line per record, written as each batch arrives', async () => {
    const stream = new MemoryStream();
    const writer = createRecordWriter({ format: 'ndjson', stream, columns: [] });
    await writer.write([items[0]]);
    expect(stream.text).toBe(`${JSON.stringify(items[0])}\n`);
    await writer.write([items[1]]);
    expect(await writer.end()).toBe(2);
    expect(
      stream.text
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual(items);
  });

  it('ndjson writes the received bytes of a batch as they are, unless --fields picks keys', async () => {
    const received = ['{"id":"b1","size":1.50,"x":"é"}', '{"id":"b2"}'];
    const batch = received.map((t) => JSON.parse(t));
    const lines = Buffer.from(received.map((t) => `${t}\n`).join(''));
    const stream = new MemoryStream();
    const writer = createRecordWriter({ format: 'ndjson', stream, columns: [] });
    await writer.write(batch, received, lines);
    // The bytes themselves: the texts of the batch would be the same, JSON.stringify would not.
    await writer.write([{ id: 'b3' }], undefined, Buffer.from('{"id":"b3"}\n'));
    expect(await writer.end()).toBe(3);
    expect(stream.text).toBe(`${received.join('\n')}\n{"id":"b3"}\n`);
    const picked = new MemoryStream();
    const fielded = createRecordWriter({ format: 'ndjson', stream: picked, columns: [], fields: ['id'] });
    await fielded.write(batch, received, lines);
    expect(picked.text).toBe('{"id":"b1"}\n{"id":"b2"}\n');
  });

  it('ndjson lines parse back for any JSON records', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.jsonValue(), { maxLength: 4 }), { maxLength: 4 }),
        async (batches) => {
          const { text, count } = await writeAll('ndjson', batches);
          const lines = text === '' ? [] : text.slice(0, -1).split('\n');
          // JSON turns -0 into 0; compare through the same serialisation the reader sees.
          expect(lines.map((l) => JSON.parse(l))).toEqual(
            batches.flat().map((r) => JSON.parse(JSON.stringify(r))),
          );
          expect(count).toBe(batches.flat().length);
        },
      ),
    );
  });

  it('json: a streamed array is valid JSON at the end and starts before the end', async () => {
    const stream = new MemoryStream();
    const writer = createRecordWriter({ format: 'json', stream, columns: [], streamJson: true });
    await writer.write([items[0]]);
    expect(stream.text.startsWith('[\n')).toBe(true);
    await writer.write([items[1]]);
    await writer.end();
    expect(JSON.parse(stream.text)).toEqual(items);
    expect((await writeAll('json', [], { streamJson: true })).text).toBe('[]\n');
  });

  it('json: a streamed array is byte for byte the buffered one, however the records are batched', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.jsonValue(), { maxLength: 4 }), { maxLength: 5 }),
        async (batches) => {
          const streamed = await writeAll('json', batches, { streamJson: true });
          const buffered = await writeAll('json', batches);
          expect(streamed.text).toBe(buffered.text);
          expect(streamed.text).toBe(`${JSON.stringify(batches.flat(), null, 2)}\n`);
          expect(streamed.count).toBe(batches.flat().length);
        },
      ),
    );
  });

  it('json: a buffered array writes nothing until the end', async () => {
    const stream = new MemoryStream();
    const writer = createRecordWriter({ format: 'json', stream, columns: [] });
    await writer.write(items);
    expect(stream.text).toBe('');
    await writer.end();
    expect(JSON.parse(stream.text)).toEqual(items);
  });

  it('--fields picks keys in json, ndjson and yaml', async () => {
    const fields = ['id', 'extend_info.resource_az'];
    const expected = [
      { id: 'b1', extend_info: { resource_az: 'eu-de-01' } },
      { id: 'b2', extend_info: { resource_az: null } },
    ];
    expect(JSON.parse((await writeAll('json', [items], { fields })).text)).toEqual(expected);
    expect(parse((await writeAll('yaml', [items], { fields })).text)).toEqual(expected);
    const nd = (await writeAll('ndjson', [items], { fields })).text.trimEnd().split('\n');
    expect(nd.map((l) => JSON.parse(l))).toEqual(expected);
  });

  it('yaml: a list that parses back', async () => {
    expect(parse((await writeAll('yaml', [items])).text)).toEqual(items);
    expect((await writeAll('yaml', [])).text).toBe('[]\n');
  });

  it('csv: a header of paths, raw values, quoted where needed, header even when empty', async () => {
    const columns = columnsForFields(['id', 'name', 'extend_info.size', 'tags']);
    const { text } = await writeAll('csv', [items], { columns });
    expect(text).toBe('id,name,extend_info.size,tags\nb1,"nightly, web",1536,env=prod\nb2,"say ""hi""",,\n');
    expect((await writeAll('csv', [], { columns })).text).toBe('id,name,extend_info.size,tags\n');
  });

  it('table: headers, human sizes and times, no trailing blanks', async () => {
    const { text, count } = await writeAll('table', [items]);
    expect(count).toBe(2);
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+NAME\s+STATUS\s+RESOURCE\s+AZ\s+SIZE\s+CREATED$/);
    expect(lines[1]).toMatch(
      /^b1\s+nightly, web\s+available\s+web-01\s+eu-de-01\s+1\.5 GB\s+2026-01-02 03:04 UTC$/,
    );
    expect(lines[2]).toMatch(/^b2\s+say "hi"\s+error$/);
    for (const line of lines) expect(line).toBe(line.trimEnd());
    expect((await writeAll('table', [])).text).toBe('');
  });

  it('waits for drain when the stream is full', async () => {
    let drained: (() => void) | undefined;
    let written = '';
    const stream = {
      write(chunk: string) {
        written += chunk;
        return false;
      },
      once(_e: 'drain', listener: () => void) {
        drained = listener;
      },
    };
    const writer = createRecordWriter({ format: 'ndjson', stream, columns: [] });
    let done = false;
    const pending = writer.write([{ id: 'x' }]).then(() => {
      done = true;
    });
    // Give the writer every chance to finish early: a whole macrotask turn, all its microtasks.
    await new Promise((r) => setImmediate(r));
    expect(written).toBe('{"id":"x"}\n');
    expect(done).toBe(false);
    drained?.();
    await pending;
    expect(done).toBe(true);
  });
});
