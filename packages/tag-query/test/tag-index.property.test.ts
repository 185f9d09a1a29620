import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesTagQuery } from '../src/evaluate.js';
import { type IndexedBackup, TagIndex } from '../src/tag-index/tag-index.js';
import { backupArb, backupsArb, tagQueryArb, wideTagQueryArb, wideTagsArb } from './support/arbitraries.js';
import { expectedOrder } from './support/expected-order.js';

const pageArb = fc.record({ offset: fc.nat({ max: 30 }), limit: fc.integer({ min: 1, max: 30 }) });

describe('TagIndex agrees with matchesTagQuery', () => {
  it('on random backups and queries (count, select, pages)', () => {
    fc.assert(
      fc.property(
        backupsArb(40),
        fc.array(tagQueryArb, { minLength: 1, maxLength: 5 }),
        pageArb,
        (backups, queries, page) => {
          const index = new TagIndex(backups);
          for (const query of queries) {
            const expected = expectedOrder(backups.filter((backup) => matchesTagQuery(query, backup)));
            expect(index.count(query)).toBe(expected.length);
            expect(index.select(query)).toEqual(expected);
            expect(index.select(query, page)).toEqual(expected.slice(page.offset, page.offset + page.limit));
            expect(index.selectCounted(query, page)).toEqual({
              total: expected.length,
              backups: expected.slice(page.offset, page.offset + page.limit),
            });
            // A first page of one: the total still counts every match past it.
            expect(index.selectCounted(query, { limit: 1 })).toEqual({
              total: expected.length,
              backups: expected.slice(0, 1),
            });
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('on larger sets, where rare tags have sparse posting lists', () => {
    fc.assert(
      fc.property(
        backupsArb(400, wideTagsArb, 200),
        fc.array(wideTagQueryArb, { minLength: 5, maxLength: 10 }),
        pageArb,
        (backups, queries, page) => {
          const index = new TagIndex(backups);
          for (const query of queries) {
            const expected = expectedOrder(backups.filter((backup) => matchesTagQuery(query, backup)));
            expect(index.count(query)).toBe(expected.length);
            expect(index.select(query, page)).toEqual(expected.slice(page.offset, page.offset + page.limit));
            expect(index.selectCounted(query, page)).toEqual({
              total: expected.length,
              backups: expected.slice(page.offset, page.offset + page.limit),
            });
            // A first page of one: the total still counts every match past it.
            expect(index.selectCounted(query, { limit: 1 })).toEqual({
              total: expected.length,
              backups: expected.slice(0, 1),
            });
          }
        },
      ),
      { numRuns: 30 },
    );
  });

  type Op = { kind: 'add'; backup: IndexedBackup } | { kind: 'remove'; id: string } | { kind: 'compact' };
  const idArb = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h');
  const opArb: fc.Arbitrary<Op> = fc.oneof(
    {
      weight: 5,
      arbitrary: idArb.chain((id) => backupArb(id)).map((backup) => ({ kind: 'add' as const, backup })),
    },
    { weight: 3, arbitrary: idArb.map((id) => ({ kind: 'remove' as const, id })) },
    { weight: 1, arbitrary: fc.constant({ kind: 'compact' as const }) },
  );

  it('after random adds, replacements, removals and compactions', () => {
    fc.assert(
      fc.property(
        backupsArb(8),
        fc.array(opArb, { maxLength: 25 }),
        tagQueryArb,
        pageArb,
        (initial, ops, query, page) => {
          const index = new TagIndex(initial);
          const model = new Map(initial.map((backup) => [backup.id, backup]));
          for (const op of ops) {
            if (op.kind === 'add') {
              index.add(op.backup);
              model.set(op.backup.id, op.backup);
            } else if (op.kind === 'remove') {
              expect(index.remove(op.id)).toBe(model.delete(op.id));
            } else {
              index.compact();
            }
            expect(index.size).toBe(model.size);
          }
          for (const id of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'])
            expect(index.get(id)).toBe(model.get(id));
          const live = [...model.values()];
          const expected = expectedOrder(live.filter((backup) => matchesTagQuery(query, backup)));
          expect(index.count(query)).toBe(expected.length);
          expect(index.select(query, page)).toEqual(expected.slice(page.offset, page.offset + page.limit));
          expect(index.selectCounted(query, page)).toEqual({
            total: expected.length,
            backups: expected.slice(page.offset, page.offset + page.limit),
          });
          // A first page of one: the total still counts every match past it.
          expect(index.selectCounted(query, { limit: 1 })).toEqual({
            total: expected.length,
            backups: expected.slice(0, 1),
          });
          expect(index.select({})).toEqual(expectedOrder(live));
        },
      ),
      { numRuns: 300 },
    );
  });
});
