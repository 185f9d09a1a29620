import { afterEach, describe, expect, it } from 'vitest';
import { CsbsClient, CsbsResponseValidationError } from '../src/index.js';
import { startServer, type TestServer } from './support/http-server.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

function client(server: TestServer) {
  const c = new CsbsClient({
    projectId: 'p',
    endpoint: server.url,
    credentials: { token: 't' },
    retry: { maxAttempts: 1 },
  });
  cleanups.push(() => c.close());
  return c;
}

/** A listing that answers pages of the given raw item texts, 3 per page, by marker. */
async function rawListing(itemTexts: string[], format: (items: string) => string) {
  const server = await startServer((req, res) => {
    const query = new URL(req.url, 'http://x').searchParams;
    const marker = query.get('marker');
    const start = marker === null ? 0 : Number(marker.slice(1)) + 1;
    const limit = Number(query.get('limit') ?? '1000');
    const page = itemTexts.slice(start, start + limit);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(format(page.join(',')));
  });
  cleanups.push(() => server.close());
  return server;
}

// Unknown fields, a number spelled with a trailing zero, escapes and a nested bracket in
// a string: re-serialising the parsed item would change the first three.
const texts = Array.from(
  { length: 7 },
  (_, i) =>
    `{"id":"b${i}","name":"say \\"hi\\" ] }","size":1.50,"x-future":{"nested":[1,{"a":null}]},"status":"available"}`,
);

describe('itemTexts: each item as the service sent it', () => {
  it('pages carry the exact text of every item, aligned with the parsed items', async () => {
    const server = await rawListing(texts, (items) => `{"checkpoint_items":[${items}]}`);
    const pages = [];
    for await (const page of client(server)
      .paginateCheckpointItems({ limit: 3 }, { itemTexts: true })
      .pages()) {
      pages.push(page);
    }
    expect(pages.map((p) => p.itemTexts.length)).toEqual([3, 3, 1]);
    expect(pages.flatMap((p) => p.itemTexts)).toEqual(texts);
    for (const page of pages) {
      expect(page.itemTexts.map((text) => JSON.parse(text))).toEqual(page.checkpoint_items);
    }
    // Not what JSON.stringify of the parsed item gives: this is the received text.
    expect(pages[0]!.itemTexts[0]).not.toBe(JSON.stringify(pages[0]!.checkpoint_items[0]));
    // A compact body also gives the page as NDJSON bytes: the same texts, a line each.
    for (const page of pages) {
      expect(Buffer.from(page.itemLines!).toString('utf8')).toBe(
        page.itemTexts.map((t) => `${t}\n`).join(''),
      );
    }
  });

  it('a body in UTF-8 with a byte-order mark reads as text without it, and gives no item lines', async () => {
    const named = ['{"id":"b0","name":"Sicherung Übersicht 备份"}', '{"id":"b1","name":"😀"}'];
    const server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      // Split inside a multi-byte character, so that the body arrives as bytes to be joined.
      const bytes = Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from(`{"checkpoint_items":[${named.join(',')}]}`),
      ]);
      const cut = bytes.indexOf(Buffer.from('备')) + 1;
      res.write(bytes.subarray(0, cut));
      res.end(bytes.subarray(cut));
    });
    cleanups.push(() => server.close());
    const page = await client(server).listCheckpointItems({}, { itemTexts: true });
    expect(page.itemTexts).toEqual(named);
    expect(page.checkpoint_items.map((item) => item.name)).toEqual(['Sicherung Übersicht 备份', '😀']);
    expect(page.itemLines).toBeUndefined();
  });

  it('a pretty-printed body gives each item trimmed, its inner whitespace kept', async () => {
    const server = await rawListing(
      ['{ "id": "b0" }', '{\n  "id": "b1"\n}'],
      (items) => `{\n  "checkpoint_items": [\n    ${items.replace(',', ',\n    ')}\n  ]\n}\n`,
    );
    const page = await client(server).listCheckpointItems({}, { itemTexts: true });
    expect(page.itemTexts).toEqual(['{ "id": "b0" }', '{\n  "id": "b1"\n}']);
    expect(page.itemLines).toBeUndefined();
  });

  it('without the option, pages have no texts', async () => {
    const server = await rawListing(texts.slice(0, 2), (items) => `{"checkpoint_items":[${items}]}`);
    const page = await client(server).listCheckpointItems({});
    expect('itemTexts' in page).toBe(false);
  });

  it('the items are still validated: a bad one fails the page, texts or not', async () => {
    const bad = [texts[0]!, '{"id":42}'];
    const server = await rawListing(bad, (items) => `{"checkpoint_items":[${items}]}`);
    const walk = client(server).paginateCheckpointItems({}, { itemTexts: true }).pages();
    const error = await (async () => {
      for await (const _ of walk) {
        // nothing: the first page is invalid
      }
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsbsResponseValidationError);
    expect((error as CsbsResponseValidationError).issues[0]?.path).toBe('checkpoint_items[1].id');
  });
});

/** A tag query that answers pages of the given raw resource texts by offset/limit, `total_count` last. */
async function rawTagQuery(resourceTexts: string[], format: (items: string, total: number) => string) {
  const server = await startServer((req, res) => {
    const body = JSON.parse(req.body) as { limit?: string; offset?: string };
    const offset = Number(body.offset ?? '0');
    const page = resourceTexts.slice(offset, offset + Number(body.limit ?? '1000'));
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(format(page.join(','), resourceTexts.length));
  });
  cleanups.push(() => server.close());
  return server;
}

const resourceTexts = Array.from(
  { length: 7 },
  (_, i) =>
    `{"resource_id":"r${i}","resource_name":"say \\"hi\\" ] }","resource_detail":{"id":"b${i}","size":1.50,"nested":[{"resource_id":"x"}]},"tags":[{"key":"env","value":"prod"}],"x-future":null}`,
);

describe('itemTexts of a tag-query walk: each resource as the service sent it', () => {
  it('pages carry the exact text of every resource, aligned with the parsed ones', async () => {
    const server = await rawTagQuery(
      resourceTexts,
      (items, total) => `{"resources":[${items}],"total_count":${total}}`,
    );
    const pages = [];
    for await (const page of client(server).paginateResources({ limit: 3 }, { itemTexts: true }).pages()) {
      pages.push(page);
    }
    expect(pages.map((p) => [p.offset, p.itemTexts.length])).toEqual([
      [0, 3],
      [3, 3],
      [6, 1],
    ]);
    expect(pages.flatMap((p) => p.itemTexts)).toEqual(resourceTexts);
    for (const page of pages) {
      expect(page.itemTexts.map((text) => JSON.parse(text))).toEqual(page.resources);
    }
    expect(pages[0]!.itemTexts[0]).not.toBe(JSON.stringify(pages[0]!.resources[0]));
    for (const page of pages) {
      expect(Buffer.from(page.itemLines!).toString('utf8')).toBe(
        page.itemTexts.map((t) => `${t}\n`).join(''),
      );
    }
  });

  it('a pretty-printed body (total_count first) gives each resource trimmed', async () => {
    const server = await rawTagQuery(
      ['{ "resource_id": "r0" }', '{\n  "resource_id": "r1"\n}'],
      (items, total) =>
        `{\n  "total_count": ${total},\n  "resources": [\n    ${items.replace(',', ',\n    ')}\n  ]\n}\n`,
    );
    const pages = [];
    for await (const page of client(server).paginateResources({}, { itemTexts: true }).pages())
      pages.push(page);
    expect(pages.flatMap((p) => p.itemTexts)).toEqual([
      '{ "resource_id": "r0" }',
      '{\n  "resource_id": "r1"\n}',
    ]);
  });

  it('without the option, pages have no texts; with it, a bad resource still fails the page', async () => {
    const plain = await rawTagQuery(
      resourceTexts.slice(0, 2),
      (items, t) => `{"resources":[${items}],"total_count":${t}}`,
    );
    for await (const page of client(plain).paginateResources({}).pages()) {
      expect('itemTexts' in page).toBe(false);
      expect('itemLines' in page).toBe(false);
    }
    const bad = await rawTagQuery(
      [resourceTexts[0]!, '{"resource_id":7}'],
      (items, t) => `{"resources":[${items}],"total_count":${t}}`,
    );
    const error = await (async () => {
      for await (const _ of client(bad).paginateResources({}, { itemTexts: true }).pages()) {
        // nothing: the first page is invalid
      }
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsbsResponseValidationError);
    expect((error as CsbsResponseValidationError).issues[0]?.path).toBe('resources[1].resource_id');
  });
});
