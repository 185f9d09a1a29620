import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesTagQuery } from '../evaluate.js';
import { validateTagQuery } from '../validate.js';
import { compareBackupOrder } from './backup-order.js';
import { type IndexedBackup, TagIndex } from './tag-index.js';

// Tags lists shared by identity between backups (as a server's backups share one), lists
// that name a key or a pair twice, empty and missing lists: the build resolves each
// distinct list once, and must count every backup exactly as a scan does.
const tagArb = fc.record({
  key: fc.constantFrom('env', 'team', 'x'),
  value: fc.constantFrom('prod', 'dev', ''),
});
const listsArb = fc.array(fc.array(tagArb, { maxLength: 4 }), { minLength: 1, maxLength: 6 });
const backupsArb = listsArb.chain((lists) =>
  fc
    .uniqueArray(
      fc.record({
        id: fc.string({ minLength: 1, maxLength: 3, unit: fc.constantFrom('a', 'b', 'c', '1') }),
        created_at: fc.option(fc.constantFrom('2024-01-01', '2024-01-02', '2023-12-31'), { nil: undefined }),
        list: fc.option(fc.nat({ max: lists.length - 1 }), { nil: undefined }),
        name: fc.constantFrom('web-01', 'db', ''),
      }),
      { selector: (b) => b.id, maxLength: 80 },
    )
    .map((raw) =>
      raw.map(
        (b): IndexedBackup => ({
          id: b.id,
          created_at: b.created_at,
          name: b.name,
          tags: b.list === undefined ? undefined : lists[b.list],
        }),
      ),
    ),
);
const entryArb = fc.record({
  key: fc.constantFrom('env', 'team', 'x'),
  values: fc.uniqueArray(fc.constantFrom('prod', 'dev', ''), { maxLength: 2 }),
});
const queryArb = fc
  .record(
    {
      tags: fc.uniqueArray(entryArb, { selector: (e) => e.key, minLength: 1, maxLength: 2 }),
      tags_any: fc.uniqueArray(entryArb, { selector: (e) => e.key, minLength: 1, maxLength: 2 }),
      not_tags: fc.uniqueArray(entryArb, { selector: (e) => e.key, minLength: 1, maxLength: 2 }),
      not_tags_any: fc.array(entryArb, { minLength: 1, maxLength: 1 }),
    },
    { requiredKeys: [] },
  )
  .map((raw) => validateTagQuery(raw));

describe('TagIndex build over shared and repeating tags lists (fast-check)', () => {
  it('selects and counts as a scan, with and without the order given', () => {
    fc.assert(
      fc.property(backupsArb, queryArb, (backups, query) => {
        const expected = backups
          .filter((b) => matchesTagQuery(query, b))
          .sort(compareBackupOrder)
          .map((b) => b.id);
        const sorted = [...backups].sort(compareBackupOrder);
        for (const index of [new TagIndex(backups), new TagIndex(sorted, { inAnswerOrder: true })]) {
          expect(index.select(query).map((b) => b.id)).toEqual(expected);
          expect(index.count(query)).toBe(expected.length);
        }
      }),
      { numRuns: 500 },
    );
  });
});
