import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  firstResourcesRequest,
  nextResourcesRequest,
  peekTotalCount,
  type ResourcesPageRequest,
} from './resources-state.js';

describe('resources paging state', () => {
  it('offset paging returns each match once, in order (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3100 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 0, max: 40 }),
        fc.option(fc.integer({ min: 1, max: 4000 }), { nil: undefined }),
        (total, pageSize, offset, cap) => {
          const all = Array.from({ length: total }, (_, i) => ({ resource_id: `r${i}` }));
          const seen: string[] = [];
          let request: ResourcesPageRequest | undefined = firstResourcesRequest({}, pageSize, offset, cap);
          let requests = 0;
          while (request !== undefined) {
            requests++;
            expect(request.limit).toBeLessThanOrEqual(Math.min(pageSize, 1000));
            const resources = all.slice(request.offset, request.offset + request.limit);
            seen.push(...resources.map((r) => r.resource_id));
            request = nextResourcesRequest(request, resources.length, total);
          }
          const expected = all
            .slice(offset, cap === undefined ? undefined : offset + cap)
            .map((r) => r.resource_id);
          expect(seen).toEqual(expected);
          // never a request past the end: at most one more than the pages needed
          expect(requests).toBeLessThanOrEqual(
            Math.max(1, Math.ceil(expected.length / Math.min(pageSize, 1000))),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('stops at total_count without asking for an empty page', () => {
    const first = firstResourcesRequest({}, 2);
    expect(nextResourcesRequest(first, 2, 2)).toBeUndefined();
    expect(nextResourcesRequest(first, 2, 3)).toMatchObject({ offset: 2, limit: 2 });
  });

  it('stops on a short page even if total_count says more', () => {
    const first = firstResourcesRequest({}, 3);
    expect(nextResourcesRequest(first, 1, 100)).toBeUndefined();
  });
});

describe('peekTotalCount', () => {
  it.each([
    ['{"resources":[],"total_count":1234}', 1234],
    ['{"resources":[{"total_count":5}],"total_count": 7 }\n', 7],
    ['{"total_count":3,"resources":[]}', undefined],
    ['not json', undefined],
  ])('%s → %s', (text, expected) => {
    expect(peekTotalCount(text)).toBe(expected);
  });
});
