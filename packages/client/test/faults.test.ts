import { startEmulator } from '@csbs-kit/emulator';
import { describe, expect, it } from 'vitest';
import { CsbsClient, type RetrySummary } from '../src/index.js';

describe('under fault injection', () => {
  it('a full walk of 10,000 backups returns each exactly once (20% 503 + Retry-After, 10% cuts, latency)', async () => {
    await using emulator = await startEmulator({ generate: { count: 10_000, seed: 11 } });
    const demo = emulator.demo!;
    // The truth, read before the faults are switched on.
    await using clean = new CsbsClient({
      projectId: demo.projectId,
      endpoint: emulator.url,
      credentials: { token: demo.token },
    });
    const expected = await clean.countCheckpointItems();
    expect(expected).toBe(10_000);

    emulator.setFaults({
      statusRate: 0.2,
      statuses: [503],
      retryAfterSeconds: 1,
      cutRate: 0.1,
      latencyMs: { min: 0, max: 20 },
      seed: 5,
    });
    const retries: RetrySummary[] = [];
    await using client = new CsbsClient({
      projectId: demo.projectId,
      endpoint: emulator.url,
      credentials: { token: demo.token },
      retry: { maxAttempts: 12, baseDelayMs: 20, maxDelayMs: 200 },
      hooks: { onRetry: (s) => retries.push(s) },
    });
    const seen = new Map<string, number>();
    for await (const item of client.paginateCheckpointItems())
      seen.set(item.id, (seen.get(item.id) ?? 0) + 1);
    expect(seen.size).toBe(10_000);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    // The faults did happen and were retried: both kinds.
    expect(retries.some((r) => r.status === 503 && r.delayMs >= 1000)).toBe(true);
    expect(retries.some((r) => r.status === undefined)).toBe(true);
    const log = emulator.requestLog();
    expect(log.some((r) => r.status === 503)).toBe(true);
    expect(log.some((r) => r.status === 0)).toBe(true);
  }, 60_000);

  it('AK/SK and password calls come through faults: each retry is signed afresh', async () => {
    await using emulator = await startEmulator({ generate: { count: 2500, seed: 3 } });
    const demo = emulator.demo!;
    emulator.setFaults({
      statusRate: 0.3,
      statuses: [500, 503],
      retryAfterSeconds: 0,
      cutRate: 0.15,
      seed: 9,
    });
    const retry = { maxAttempts: 15, baseDelayMs: 5, maxDelayMs: 50 };
    await using signed = new CsbsClient({
      projectId: demo.projectId,
      endpoint: emulator.url,
      credentials: { accessKey: demo.accessKey, secretKey: demo.secretKey },
      retry,
    });
    await using byPassword = new CsbsClient({
      projectId: demo.projectId,
      endpoint: emulator.url,
      credentials: {
        password: {
          authUrl: emulator.url,
          username: demo.username,
          password: demo.password,
          domainName: demo.domainName,
        },
      },
      retry,
    });
    for (const client of [signed, byPassword]) {
      const ids = new Set<string>();
      for await (const item of client.paginateCheckpointItems({ limit: 500 })) ids.add(item.id);
      expect(ids.size).toBe(2500);
      const resources = new Set<string>();
      for await (const r of client.paginateResources({ selector: 'env', limit: 400 }))
        resources.add(r.resource_id);
      expect(resources.size).toBe(await client.countResources({ selector: 'env' }));
      expect(resources.size).toBeGreaterThan(0);
    }
    const log = emulator.requestLog();
    expect(log.some((r) => r.status >= 500)).toBe(true);
    // Every retried signed request verified: no authentication failure anywhere in the log.
    expect(log.filter((r) => r.status === 401)).toEqual([]);
  }, 60_000);
});
