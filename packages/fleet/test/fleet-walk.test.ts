import { CsbsClient } from '@csbs-kit/client';
import { startEmulator } from '@csbs-kit/emulator';
import { describe, expect, it } from 'vitest';
import {
  countFleetCheckpointItems,
  type FleetEvent,
  FleetOptionsError,
  type FleetProject,
  forEachProject,
  paginateFleetCheckpointItems,
} from '../src/index.js';
import { failingMidWalk } from './support/fail-project.js';
import { fleetData } from './support/fleet-data.js';

const projects = ['proj-alpha', 'proj-bravo', 'proj-charlie'];

describe('a fleet walk over three emulated projects', () => {
  it('yields every backup once with its project_id, and reports the project that fails mid-walk', async () => {
    await using emulator = await startEmulator({ data: fleetData(projects, 1200) });
    const { agent, dispatcher } = failingMidWalk('proj-charlie');
    const clientFor = (p: FleetProject) =>
      new CsbsClient({
        projectId: p.id,
        endpoint: emulator.url,
        credentials: { token: `token-${p.id}` },
        dispatcher,
        retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5 },
      });
    try {
      const events: FleetEvent[] = [];
      const seen = new Map<string, string>();
      for await (const event of paginateFleetCheckpointItems({
        projects,
        clientFor,
        params: { limit: 250 },
        concurrency: 2,
      })) {
        events.push(event);
        if (event.kind === 'page') for (const item of event.items) seen.set(item.id, item.project_id);
      }
      const failures = events.flatMap((e) => (e.kind === 'failure' ? [e.failure] : []));
      expect(failures.map((f) => [f.project.id, f.code, f.errorCode])).toEqual([
        ['proj-charlie', 'CSBS_SERVER_ERROR', 'CSBS.9999'],
      ]);
      // Its first page did arrive: it failed mid-walk, not at the start.
      expect([...seen.values()].filter((p) => p === 'proj-charlie')).toHaveLength(250);
      const done = events.flatMap((e) => (e.kind === 'done' ? [[e.project.id, e.count]] : []));
      expect(done.sort()).toEqual([
        ['proj-alpha', 1200],
        ['proj-bravo', 1200],
      ]);
      expect([...seen.values()].filter((p) => p === 'proj-alpha')).toHaveLength(1200);
      expect([...seen.values()].filter((p) => p === 'proj-bravo')).toHaveLength(1200);
      // The failed project's requests were retried once, as the client's policy says.
      const charlie = emulator
        .requestLog()
        .filter((r) => r.path.includes('/proj-charlie/') && r.status === 500);
      expect(charlie).toHaveLength(2);
    } finally {
      await agent.close();
    }
  });

  it('never runs more projects at once than the concurrency', async () => {
    await using emulator = await startEmulator({ data: fleetData([...projects, 'p4', 'p5', 'p6'], 10) });
    let running = 0;
    let peak = 0;
    const outcome = await forEachProject(
      {
        projects: [...projects, 'p4', 'p5', 'p6'],
        concurrency: 2,
        clientFor: (p) =>
          new CsbsClient({
            projectId: p.id,
            endpoint: emulator.url,
            credentials: { token: `token-${p.id}` },
          }),
      },
      async (client) => {
        running += 1;
        peak = Math.max(peak, running);
        try {
          return await client.countCheckpointItems();
        } finally {
          running -= 1;
        }
      },
    );
    expect(peak).toBe(2);
    expect(outcome.failures).toEqual([]);
    expect(outcome.results.map((r) => [r.project.id, r.value])).toEqual(
      [...projects, 'p4', 'p5', 'p6'].map((p) => [p, 10]),
    );
  });

  it('counts every project, and a project the token cannot reach is a failure, not a crash', async () => {
    await using emulator = await startEmulator({ data: fleetData(projects, 300) });
    const result = await countFleetCheckpointItems({
      projects: [...projects, 'proj-unknown'],
      clientFor: (p) =>
        new CsbsClient({
          projectId: p.id,
          endpoint: emulator.url,
          // The unknown project is asked with alpha's token: a 403.
          credentials: { token: `token-${p.id === 'proj-unknown' ? 'proj-alpha' : p.id}` },
        }),
      params: { status: 'available' },
    });
    expect(result.failures.map((f) => [f.project.id, f.errorCode])).toEqual([['proj-unknown', 'CSBS.9002']]);
    const direct = await Promise.all(
      projects.map(async (p) => {
        await using c = new CsbsClient({
          projectId: p,
          endpoint: emulator.url,
          credentials: { token: `token-${p}` },
        });
        return await c.countCheckpointItems({ status: 'available' });
      }),
    );
    expect(result.total).toBe(direct.reduce((a, b) => a + b, 0));
    expect(result.total).toBeGreaterThan(0);
  });

  it('stops every walk when the caller breaks out', async () => {
    await using emulator = await startEmulator({ data: fleetData(projects, 3000) });
    let pages = 0;
    for await (const event of paginateFleetCheckpointItems({
      projects,
      params: { limit: 100 },
      clientFor: (p) =>
        new CsbsClient({ projectId: p.id, endpoint: emulator.url, credentials: { token: `token-${p.id}` } }),
    })) {
      if (event.kind === 'page') pages += 1;
      if (pages === 3) break;
    }
    const listed = emulator.requestLog().filter((r) => r.path.endsWith('/checkpoint_items')).length;
    // Three read, a few in flight or buffered per project; nowhere near the 90 pages there are.
    expect(listed).toBeLessThan(30);
  });

  it('rejects a bad concurrency before any request', async () => {
    await expect(
      forEachProject(
        { projects, concurrency: 0, clientFor: () => ({ projectId: 'x', close: async () => {} }) },
        async () => 1,
      ),
    ).rejects.toSatisfy(
      (e) => FleetOptionsError.isInstance(e) && e.field === 'concurrency' && e.name === 'FleetOptionsError',
    );
    const error = await forEachProject(
      { projects: ['a b'], clientFor: () => ({ projectId: 'x', close: async () => {} }) },
      async () => 1,
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'FLEET_OPTIONS', field: 'projects[0]' });
  });
});
