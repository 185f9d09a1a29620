import type { ListCheckpointItemsQuery } from '@csbs-kit/models';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RawResponse } from '../transport/execute.js';
import { listingPageFamily } from './listing-page.js';
import { PageLoopGuard } from './page-loop-guard.js';
import { walkPages } from './page-walk.js';
import { type ResourcesPageQuery, resourcesPageFamily } from './resources-page.js';

const raw = (bodyText: string): RawResponse => ({
  status: 200,
  headers: {},
  requestId: undefined,
  bodyText,
  request: { method: 'GET', url: 'http://x/' },
});

type Links = 'none' | 'right' | 'wrong';

/** A reference listing over `ids` in order (marker, then offset, then at most 1000), in memory. */
function listingServer(ids: string[], links: Links) {
  const sent: ListCheckpointItemsQuery[] = [];
  const send = async (query: ListCheckpointItemsQuery) => {
    sent.push(query);
    let start = query.marker === undefined ? 0 : ids.indexOf(query.marker) + 1;
    start += query.offset ?? 0;
    const limit = Math.min(query.limit ?? 1000, 1000);
    const page = ids.slice(start, start + limit);
    const body: Record<string, unknown> = { checkpoint_items: page.map((id) => ({ id })) };
    if (links !== 'none' && page.length === limit) {
      const marker = links === 'right' ? page.at(-1) : `${page.at(-1)}-not`;
      body.checkpoint_items_links = [{ rel: 'next', href: `/v1/p/checkpoint_items?marker=${marker}` }];
    }
    return raw(JSON.stringify(body));
  };
  return { send, sent };
}

async function collectIds<P>(pages: AsyncIterable<P>, idsOf: (page: P) => string[]): Promise<string[]> {
  const out: string[] = [];
  for await (const page of pages) out.push(...idsOf(page));
  return out;
}

describe('walkPages over listing pages (property, against a reference listing)', () => {
  it('walks exactly the items one unpaged query returns, capped by maxItems', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 2600 }),
        fc.integer({ min: 1, max: 1200 }),
        fc.option(fc.integer({ min: 1, max: 3000 }), { nil: undefined }),
        fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined }),
        fc.constantFrom<Links>('none', 'right', 'wrong'),
        async (count, limit, maxItems, offset, links) => {
          const ids = Array.from({ length: count }, (_, i) => `id-${String(i).padStart(5, '0')}`);
          const server = listingServer(ids, links);
          const first = { status: 'available' as const, limit: Math.min(limit, 1000), offset };
          const frozen = structuredClone(first);
          const guard = new PageLoopGuard();
          const seen = await collectIds(
            walkPages(
              {
                family: listingPageFamily.plain,
                first,
                maxItems,
                send: server.send,
                check: (query, page) => guard.check(query, page.checkpoint_items),
              },
              undefined,
            ),
            (page) => page.checkpoint_items.map((i) => i.id),
          );
          const from = offset ?? 0;
          expect(seen).toEqual(ids.slice(from, maxItems === undefined ? undefined : from + maxItems));
          expect(first).toEqual(frozen);
          for (const q of server.sent) {
            expect(q.limit).toBeLessThanOrEqual(Math.min(limit, 1000));
            expect(q.status).toBe('available');
          }
          for (const q of server.sent.slice(1)) {
            expect(q.offset).toBeUndefined();
            expect(q.marker).toBeDefined();
          }
          // Requests: one per page read, plus at most one guess per page (wrong, or past the end).
          const pagesRead = Math.max(1, Math.ceil(seen.length / Math.min(limit, 1000)) + 1);
          expect(server.sent.length).toBeLessThanOrEqual(pagesRead * (links === 'none' ? 1 : 2));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('asks only for what is left of maxItems on the last page', async () => {
    const ids = Array.from({ length: 10 }, (_, i) => `i${i}`);
    const server = listingServer(ids, 'right');
    const walk = walkPages(
      { family: listingPageFamily.plain, first: { limit: 3 }, maxItems: 5, send: server.send },
      undefined,
    );
    expect(await collectIds(walk, (p) => p.checkpoint_items.map((i) => i.id))).toEqual(ids.slice(0, 5));
    expect(server.sent).toEqual([{ limit: 3 }, { marker: 'i2', limit: 2 }]);
  });
});

describe('walkPages over tag-query pages (property, against a reference answer)', () => {
  it('offset paging returns each match once, in order, capped by maxItems', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 3100 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 0, max: 40 }),
        fc.option(fc.integer({ min: 1, max: 4000 }), { nil: undefined }),
        fc.boolean(),
        async (total, limit, offset, maxItems, countAtEnd) => {
          const sent: ResourcesPageQuery[] = [];
          const send = async (query: ResourcesPageQuery) => {
            sent.push(query);
            const resources = Array.from(
              { length: Math.max(0, Math.min(query.limit, total - query.offset)) },
              (_, i) => ({ resource_id: `r${query.offset + i}` }),
            );
            return raw(
              countAtEnd
                ? JSON.stringify({ resources, total_count: total })
                : JSON.stringify({ total_count: total, resources }),
            );
          };
          const seen = await collectIds(
            walkPages(
              { family: resourcesPageFamily.plain, first: { offset, limit }, maxItems, send },
              undefined,
            ),
            (page) => page.resources.map((r) => r.resource_id),
          );
          const end = maxItems === undefined ? total : Math.min(total, offset + maxItems);
          expect(seen).toEqual(Array.from({ length: Math.max(0, end - offset) }, (_, i) => `r${offset + i}`));
          for (const q of sent) expect(q.limit).toBeLessThanOrEqual(limit);
          // Never a request past the end, guessed or not: total_count tells where it is.
          expect(sent.length).toBeLessThanOrEqual(Math.max(1, Math.ceil(seen.length / limit)));
        },
      ),
      { numRuns: 150 },
    );
  });
});
