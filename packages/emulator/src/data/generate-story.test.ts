import { describe, expect, it } from 'vitest';
import { generateEmulatorData } from './generate-data.js';
import { brokenServers, incident } from './generator-vocabulary.js';

const dayMs = 86_400_000;
const newest = Date.UTC(2026, 0, 1);
const ms = (t: string) => Date.parse(`${t}Z`);

describe('generated data tells a story a report can find', () => {
  const items =
    Object.values(generateEmulatorData({ count: 20_000, seed: 7, projects: 1 }).projects)[0]
      ?.checkpoint_items ?? [];

  it('has a few servers with no available backup in the last week, only errors since they broke', () => {
    const byServer = new Map<string, { newestAvailable: number; recentErrors: number }>();
    for (const b of items) {
      const s = byServer.get(b.resource_id ?? '') ?? { newestAvailable: 0, recentErrors: 0 };
      const t = ms(b.created_at ?? '');
      if (b.status === 'available') s.newestAvailable = Math.max(s.newestAvailable, t);
      if (b.status === 'error' && t > newest - brokenServers.minDays * dayMs) s.recentErrors++;
      byServer.set(b.resource_id ?? '', s);
    }
    const stale = [...byServer].filter(([, s]) => s.newestAvailable < newest - 7 * dayMs);
    // About 1 in 16 servers, and most of them are the broken ones, with recent errors.
    expect(stale.length).toBeGreaterThanOrEqual(byServer.size / 40);
    expect(stale.length).toBeLessThanOrEqual(byServer.size / 8);
    const broken = stale.filter(([id]) => Number.parseInt(id.slice(0, 2), 16) < brokenServers.idBelow);
    expect(broken.length).toBeGreaterThanOrEqual((stale.length * 2) / 3);
    for (const [, s] of broken) expect(s.recentErrors).toBeGreaterThan(0);
  });

  it('has one incident: most backups of a few days in one AZ failed', () => {
    const start = newest - incident.startDaysBefore * dayMs;
    const inWindow = (t: number) => t >= start && t < start + incident.days * dayMs;
    const rate = (az: boolean) => {
      const group = items.filter(
        (b) => inWindow(ms(b.created_at ?? '')) && (b.extend_info?.resource_az === incident.az) === az,
      );
      return group.filter((b) => b.status === 'error').length / group.length;
    };
    expect(rate(true)).toBeGreaterThan(0.5);
    expect(rate(false)).toBeLessThan(0.2);
  });
});
