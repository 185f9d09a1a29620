import type { CheckpointItem } from '@csbs-kit/models';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { noTag, parseListingTime, unknownValue } from './backup-facts.js';
import { reportSections } from './build-report.js';
import { ReportAccumulator } from './report-accumulator.js';

const dayMs = 86_400_000;
const now = new Date('2026-06-15T12:00:00Z');
const projectIds = ['p-a', 'p-b', 'p-c'] as const;

const item: fc.Arbitrary<CheckpointItem> = fc.record(
  {
    id: fc.uuid(),
    status: fc.constantFrom('available', 'available', 'error', 'protecting', 'deleting'),
    resource_id: fc.constantFrom('srv-1', 'srv-2', 'srv-3', 'srv-4'),
    created_at: fc
      .integer({ min: now.getTime() - 400 * dayMs, max: now.getTime() })
      .map((ms) => new Date(ms).toISOString().replace('Z', '')),
    tags: fc.uniqueArray(
      fc.record({
        key: fc.constantFrom('team', 'env', 'owner'),
        value: fc.constantFrom('web', 'db', 'prod', ''),
      }),
      { selector: (t) => t.key, maxLength: 3 },
    ),
    extend_info: fc.record(
      {
        size: fc.integer({ min: 0, max: 500 }),
        resource_az: fc.constantFrom('eu-de-01', 'eu-de-02'),
        resource_name: fc.constantFrom('web-01', 'db-01'),
        fail_reason: fc.constantFrom('quota exceeded', 'agent timeout'),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ['id'] },
);
const backups = fc.array(fc.tuple(fc.constantFrom(...projectIds), item), { maxLength: 120 });
const byKeys = fc.subarray(['team', 'env', 'owner'], { minLength: 0 });

function accumulate(entries: [string, CheckpointItem][], by: string[]): ReportAccumulator {
  const acc = new ReportAccumulator({ by });
  for (const [project, b] of entries) acc.add(b, project);
  return acc;
}

const sum = (rows: { count: number }[]) => rows.reduce((s, r) => s + r.count, 0);
const sumSize = (rows: { size: number }[]) => rows.reduce((s, r) => s + r.size, 0);

describe('report aggregation', () => {
  it('sums over every grouping equal the totals', () => {
    fc.assert(
      fc.property(backups, byKeys, (entries, by) => {
        const report = accumulate(entries, by).report({ now });
        const { totals } = report;
        expect(totals.backups).toBe(entries.length);
        for (const rows of [totals.by_status, totals.by_az, totals.by_resource_type, report.months]) {
          expect(sum(rows)).toBe(totals.backups);
          expect(sumSize(rows)).toBe(totals.size);
        }
        if (by.length > 0) {
          expect(sum(report.groups)).toBe(totals.backups);
          expect(sumSize(report.groups)).toBe(totals.size);
        } else expect(report.groups).toEqual([]);
        const errors = totals.by_status.find((r) => r.value === 'error')?.count ?? 0;
        expect(sum(report.failures)).toBe(errors);
        expect(report.protection.reduce((s, r) => s + r.backups, 0)).toBe(totals.backups);
        expect(report.groups.reduce((s, g) => s + g.failures, 0)).toBe(by.length > 0 ? errors : 0);
      }),
    );
  });

  it('a fleet report equals the merge of its projects’ reports', () => {
    fc.assert(
      fc.property(backups, byKeys, (entries, by) => {
        const whole = accumulate(entries, by);
        const merged = new ReportAccumulator({ by });
        for (const project of projectIds) {
          merged.merge(
            accumulate(
              entries.filter(([p]) => p === project),
              by,
            ),
          );
        }
        expect(merged.report({ now, staleAfterMs: 30 * dayMs })).toEqual(
          whole.report({ now, staleAfterMs: 30 * dayMs }),
        );
      }),
    );
  });

  it('finds the stale resources a naive scan finds', () => {
    fc.assert(
      fc.property(backups, fc.integer({ min: 0, max: 400 }), (entries, staleDays) => {
        const staleAfterMs = staleDays * dayMs;
        const report = accumulate(entries, []).report({ now, staleAfterMs });
        // The oracle: group by project and resource, take the newest available, compare.
        const expected = new Set<string>();
        const keys = new Set(entries.map(([p, b]) => `${p}/${b.resource_id ?? unknownValue}`));
        for (const key of keys) {
          const times = entries
            .filter(([p, b]) => `${p}/${b.resource_id ?? unknownValue}` === key && b.status === 'available')
            .map(([, b]) => parseListingTime(b.created_at))
            .filter((ms) => ms !== undefined);
          if (times.length === 0 || now.getTime() - Math.max(...times) > staleAfterMs) expected.add(key);
        }
        expect(new Set(report.stale.map((r) => `${r.project_id}/${r.resource_id}`))).toEqual(expected);
      }),
    );
  });

  it('puts each backup in the UTC month of its created_at, zone or no zone', () => {
    const time = fc
      .tuple(
        fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2026, 0, 1) }),
        fc.constantFrom('', 'Z', '+02:00', '-05:00', '+0930'),
      )
      .map(([ms, zone]) => new Date(ms).toISOString().slice(0, 19) + zone);
    fc.assert(
      fc.property(fc.array(time, { maxLength: 30 }), (times) => {
        const acc = new ReportAccumulator();
        times.forEach((t, i) => {
          acc.add({ id: String(i), created_at: t }, 'p');
        });
        const naive = new Map<string, number>();
        for (const t of times) {
          const month = new Date(parseListingTime(t) as number).toISOString().slice(0, 7);
          naive.set(month, (naive.get(month) ?? 0) + 1);
        }
        expect(new Map(acc.report({ now }).months.map((m) => [m.month, m.count]))).toEqual(naive);
      }),
    );
  });

  it('puts backups without a --by key in (no tag), and names the sections it can print', () => {
    const acc = new ReportAccumulator({ by: ['team'] });
    acc.add({ id: '1', tags: [{ key: 'team', value: 'web' }], status: 'available' }, 'p');
    acc.add({ id: '2', tags: [], status: 'error' }, 'p');
    acc.add({ id: '3' }, 'p');
    const report = acc.report({ now });
    expect(report.groups.map((g) => [g.tags.team, g.count, g.failures])).toEqual([
      [noTag, 2, 1],
      ['web', 1, 0],
    ]);
    expect(report.protection).toEqual([
      expect.objectContaining({ resource_id: unknownValue, backups: 3, errors: 1, newest_available: null }),
    ]);
    expect(reportSections).toContain('stale');
  });

  it('reads hostile or odd values without throwing', () => {
    const acc = new ReportAccumulator({ by: ['team'] });
    acc.add(
      {
        id: 'x',
        status: null,
        created_at: 'yesterday',
        tags: [{ key: 'team', value: null }],
        extend_info: { size: '12.5', resource_az: null },
      } as unknown as CheckpointItem,
      'p',
    );
    const report = acc.report({ now });
    expect(report.totals).toMatchObject({ backups: 1, size: 12.5 });
    expect(report.months).toEqual([{ month: unknownValue, count: 1, size: 12.5 }]);
    expect(report.groups[0]?.tags.team).toBe('');
  });
});
