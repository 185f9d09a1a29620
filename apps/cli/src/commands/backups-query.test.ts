import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { listingPlan } from './backups-list.js';
import { queryConditions, queryPaging } from './backups-query.js';

const noStdin = () => Readable.from([]);

describe('queryConditions', () => {
  it('parses the selector and adds --name-contains as a match', async () => {
    expect(await queryConditions({ selector: 'env=prod', nameContains: 'web' }, noStdin(), '/')).toEqual({
      tags: [{ key: 'env', values: ['prod'] }],
      matches: [{ key: 'resource_name', value: 'web' }],
    });
  });

  it('reads --tags-json from a file relative to the working folder, and from stdin', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'csbs-q-'));
    const query = { not_tags_any: [{ key: 'legacy', values: [] }] };
    await writeFile(join(dir, 'q.json'), JSON.stringify(query));
    expect(await queryConditions({ tagsJson: 'q.json' }, noStdin(), dir)).toEqual(query);
    expect(await queryConditions({ tagsJson: '-' }, Readable.from([JSON.stringify(query)]), dir)).toEqual(
      query,
    );
  });

  it.each([
    [{}, '--selector: required'],
    [{ selector: 'a', tagsJson: '-' }, '--tags-json: cannot be combined with --selector'],
    [{ selector: '' }, '--selector: must not be empty'],
    [{ tagsJson: '/no/such/file.json' }, '--tags-json: cannot read /no/such/file.json (ENOENT)'],
  ])('refuses %j', async (flags, message) => {
    await expect(queryConditions(flags, noStdin(), '/')).rejects.toThrow(message);
  });

  it('refuses bad JSON and unknown fields in --tags-json', async () => {
    await expect(queryConditions({ tagsJson: '-' }, Readable.from(['{']), '/')).rejects.toThrow(
      /^--tags-json: stdin is not valid JSON/,
    );
    await expect(queryConditions({ tagsJson: '-' }, Readable.from(['{"not_tag":[]}']), '/')).rejects.toThrow(
      '--tags-json not_tag: unknown field',
    );
  });
});

describe('paging plans', () => {
  it('query: a window of 50 by default, --limit/--offset, or everything', () => {
    expect(queryPaging({})).toEqual({ maxItems: 50, offset: 0, pageSize: 50 });
    expect(queryPaging({ limit: '2000', offset: '10' })).toEqual({
      maxItems: 2000,
      offset: 10,
      pageSize: 1000,
    });
    expect(queryPaging({ all: true })).toEqual({ maxItems: undefined, offset: 0, pageSize: 1000 });
    expect(queryPaging({ all: true, pageSize: '100' })).toEqual({
      maxItems: undefined,
      offset: 0,
      pageSize: 100,
    });
    expect(() => queryPaging({ all: true, limit: '5' })).toThrow('--limit: cannot be combined with --all');
    expect(() => queryPaging({ limit: '0' })).toThrow('--limit: must be 1 or more (got 0)');
  });

  it('list: the newest 50 by default (one more asked, to know if more exist), --max, or everything', () => {
    expect(listingPlan({})).toEqual({ cap: 50, pageSize: 51 });
    expect(listingPlan({ max: '999' })).toEqual({ cap: 999, pageSize: 1000 });
    expect(listingPlan({ max: '5000' })).toEqual({ cap: 5000, pageSize: 1000 });
    expect(listingPlan({ all: true })).toEqual({ cap: undefined, pageSize: 1000 });
    expect(listingPlan({ all: true, pageSize: '10' })).toEqual({ cap: undefined, pageSize: 10 });
  });

  it('one rule for both commands: a window (--max, --limit) cannot be combined with --all', () => {
    expect(() => listingPlan({ all: true, max: '5' })).toThrow('--max: cannot be combined with --all');
    expect(() => queryPaging({ all: true, limit: '5' })).toThrow('--limit: cannot be combined with --all');
  });
});
