import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StoredItems } from '../store/item-rows.js';
import { loadEmulatorDataFile, loadEmulatorStateFile } from './load-data-file.js';
import { sourceTextsOf } from './source-texts.js';

const dir = mkdtempSync(join(tmpdir(), 'emu-load-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const base = '"status":"available","resource_id":"r","resource_type":"OS::Nova::Server"';
// Compact items, some of them in a form JSON.stringify would not write.
const itemTexts = [
  `{"id":"a",${base},"name":"n\u2028é\\"\\n","tags":[{"key":"k","value":"v"}],"extend_info":{"x":[1,2.5,{"y":null}]}}`,
  `{"id":"b",${base},"extend_info":{"size":1.0}}`,
  `{"id":"c",${base},"extend_info":{"z":1,"z":2}}`,
  `{"id":"d",${base},"name":"\\u0041"}`,
  `{"id":"e", ${base}}`,
];

describe('loadEmulatorDataFile item texts', () => {
  it('keeps each item as JSON.stringify of its parse, sliced where the file already says so', () => {
    const file = join(dir, 'data.json');
    writeFileSync(file, `{"projects":{"p":{"checkpoint_items":[${itemTexts.join(',')}]}}}`);
    const items = loadEmulatorDataFile(file).projects.p!.checkpoint_items;
    // Only the first item's text is taken from the file; the others are serialised again.
    expect(Array.from(sourceTextsOf(items)?.items ?? [], (text) => text !== undefined)).toEqual([
      true,
      false,
      false,
      false,
      false,
    ]);
    const rows = new StoredItems(items);
    items.forEach((item, row) => {
      expect(rows.itemJson(row)).toBe(JSON.stringify(item));
      expect(JSON.parse(rows.resourceJson(row))).toEqual({
        resource_id: item.id,
        resource_name: item.name ?? null,
        resource_detail: item,
        tags: item.tags ?? [],
      });
    });
    expect(rows.resourceJson(0)).toBe(
      `{"resource_id":"a","resource_name":${JSON.stringify(items[0]!.name)},"resource_detail":${JSON.stringify(items[0])},"tags":[{"key":"k","value":"v"}]}`,
    );
  });
});

describe('loadEmulatorStateFile', () => {
  const messageOf = (load: () => unknown): string => {
    try {
      load();
    } catch (error) {
      return (error as Error).message;
    }
    return 'loaded';
  };

  it('rejects a bad file with the error the plain load gives', () => {
    const item = `{"id":"a",${base}}`;
    const files = [
      `{"projects":{"p":{"checkpoint_items":[${item},{"id":""}]}}}`,
      `{"projects":{"p":{"checkpoint_items":[${item}]},"q":{"checkpoint_items":[${item}]}}}`,
      `{"projects":{"p":{"checkpoint_items":[${item}]}},"other":1}`,
      `{"projects":{"p":{"checkpoint_items":[${item} ${item}]}}}`,
      `{"projects":{"p":{"checkpoint_items":[${item}`,
      '{"projects":{"p":{}}}',
    ];
    files.forEach((content, k) => {
      const file = join(dir, `bad-${k}.json`);
      writeFileSync(file, content);
      const message = messageOf(() => loadEmulatorStateFile(file));
      expect(message, content).not.toBe('loaded');
      expect(message, content).toBe(messageOf(() => loadEmulatorDataFile(file)));
      expect(message, content).toContain(file);
    });
    expect(messageOf(() => loadEmulatorStateFile(join(dir, 'missing.json')))).toContain('no such file');
  });

  it('serves each item as JSON.stringify of its parse, whichever way the file is loaded', () => {
    const file = join(dir, 'state.json');
    writeFileSync(file, `{"projects":{"p":{"checkpoint_items":[${itemTexts.join(',')}]}}}`);
    const items = loadEmulatorDataFile(file).projects.p!.checkpoint_items;
    const rows = loadEmulatorStateFile(file).project('p').rows;
    expect(rows.size).toBe(items.length);
    items.forEach((item, row) => {
      expect(rows.itemJson(row)).toBe(JSON.stringify(item));
    });
  });
});
