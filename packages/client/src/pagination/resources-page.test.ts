import { describe, expect, it } from 'vitest';
import { peekTotalCount, resourcesPageFamily, resourcesQueryAfter } from './resources-page.js';

describe('a tag-query page and its successor', () => {
  it('stops at total_count without asking for an empty page', () => {
    expect(resourcesQueryAfter({ offset: 0, limit: 2 }, 2, 2)).toBeUndefined();
    expect(resourcesQueryAfter({ offset: 0, limit: 2 }, 2, 3)).toEqual({ offset: 2, limit: 2 });
  });

  it('stops on an empty or short page even if total_count says more', () => {
    expect(resourcesQueryAfter({ offset: 0, limit: 3 }, 1, 100)).toBeUndefined();
    expect(resourcesQueryAfter({ offset: 0, limit: 3 }, 0, 100)).toBeUndefined();
  });

  it('announces the successor from total_count at the end of the body, supposing the page full', () => {
    const family = resourcesPageFamily.plain;
    expect(family.announcedNext({ offset: 10, limit: 5 }, '{"resources":[],"total_count":16}')).toEqual({
      offset: 15,
      limit: 5,
    });
    expect(
      family.announcedNext({ offset: 10, limit: 5 }, '{"resources":[],"total_count":15}'),
    ).toBeUndefined();
    expect(
      family.announcedNext({ offset: 0, limit: 5 }, '{"total_count":99,"resources":[]}'),
    ).toBeUndefined();
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
