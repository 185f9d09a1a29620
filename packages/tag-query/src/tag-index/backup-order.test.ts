import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerOrder, compareBackupOrder, isInAnswerOrder, lowerBound, sortBackups } from './backup-order.js';

describe('answer order', () => {
  it('is created_at desc, then id desc, a missing created_at as ""', () => {
    const backups = [
      { id: 'a', created_at: '2024-01-01T00:00:00' },
      { id: 'b' },
      { id: 'c', created_at: '2024-01-01T00:00:00' },
      { id: 'd', created_at: '2024-01-01T00:00:00.5' },
      { id: 'e', created_at: null },
      { id: 'ca', created_at: '2024-01-01T00:00:00' },
    ];
    expect(sortBackups(backups).map((b) => b.id)).toEqual(['d', 'ca', 'c', 'a', 'e', 'b']);
  });

  it('sortBackups agrees with the comparator, prefixes and NUL characters included', () => {
    const text = fc.string({ maxLength: 4, unit: fc.constantFrom('a', 'b', '\u0000', '\u0001', '9', 'é') });
    const backupsArb = fc.uniqueArray(
      fc.record({ id: text, created_at: fc.option(text, { nil: undefined }) }, { requiredKeys: ['id'] }),
      { maxLength: 30, selector: (b) => b.id },
    );
    fc.assert(
      fc.property(backupsArb, (backups) => {
        const sorted = sortBackups(backups);
        expect(sorted).toEqual([...backups].sort(compareBackupOrder));
        for (const backup of backups) {
          const at = lowerBound(sorted, backup);
          expect(sorted[at]).toBe(backup);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('takes input already in the answer order as it is, and notices one pair out of place', () => {
    const text = fc.string({ maxLength: 3, unit: fc.constantFrom('a', 'b', '9') });
    const backupsArb = fc.uniqueArray(
      fc.record({ id: text, created_at: fc.option(text, { nil: undefined }) }, { requiredKeys: ['id'] }),
      { maxLength: 30, selector: (b) => b.id },
    );
    fc.assert(
      fc.property(backupsArb, fc.nat(), fc.nat(), (backups, i, j) => {
        const sorted = [...backups].sort(compareBackupOrder);
        expect(isInAnswerOrder(sorted)).toBe(true);
        expect(Array.from(answerOrder(sorted))).toEqual(sorted.map((_, k) => k));
        if (sorted.length < 2) return;
        const a = i % sorted.length;
        const b = j % sorted.length;
        const swapped = [...sorted];
        [swapped[a], swapped[b]] = [swapped[b]!, swapped[a]!];
        expect(isInAnswerOrder(swapped)).toBe(a === b);
        expect(sortBackups(swapped)).toEqual(sorted);
      }),
      { numRuns: 300 },
    );
  });
});
