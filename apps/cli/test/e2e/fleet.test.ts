import { type RunningEmulator, startEmulator } from '@csbs-kit/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultProxy } from '../helpers/fault-proxy.js';
import { fleetData, fleetEnv, fleetUser } from '../helpers/fleet-data.js';
import { ndjson, runCsbs } from '../helpers/run-csbs.js';

const projects = ['proj-alpha', 'proj-bravo', 'proj-charlie'];
const perProject = 2500;
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ host: '127.0.0.1', port: 0, data: fleetData(projects, perProject) });
});
afterAll(async () => {
  await emulator.close();
});

const reportArgs = ['report', '--by', 'team', '--stale', '7d', '--as-of', '2026-01-01', '-o', 'json'];

describe('fleet scope over three emulated projects, one failing mid-walk', () => {
  it('report --all-projects: the failing project on stderr by name and code, the others reported, exit 1', async () => {
    await using proxy = await startFaultProxy(emulator.url, {
      projectId: 'proj-charlie',
      fault: 'status=500',
    });
    const r = await runCsbs([...reportArgs, '--all-projects', '--concurrency', '3'], {
      env: fleetEnv(proxy.url),
    });
    expect(r.code).toBe(1);
    expect(proxy.faulted()).toBeGreaterThan(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^csbs: error: project eu-de_proj-charlie \(proj-charlie\): CSBS_SERVER_ERROR \(CSBS\.9999\): /,
    );
    expect(r.stderr).not.toContain(fleetUser.password);
    const report = JSON.parse(r.stdout);
    // The project of another region is not walked; the failed one is not half-counted.
    expect(report.projects).toEqual(['proj-alpha', 'proj-bravo']);
    expect(report.totals.backups).toBe(2 * perProject);
    // The same as asking for the two healthy projects directly, without faults.
    const healthy = await runCsbs([...reportArgs, '--projects', 'proj-bravo,proj-alpha'], {
      env: fleetEnv(emulator.url),
    });
    expect(healthy.code).toBe(0);
    expect(JSON.parse(healthy.stdout)).toEqual(report);
  });

  it('backups list --all-projects: every row carries project_id; the healthy projects come complete', async () => {
    await using proxy = await startFaultProxy(emulator.url, {
      projectId: 'proj-charlie',
      fault: 'status=500',
    });
    const r = await runCsbs(
      ['backups', 'list', '--all-projects', '--all', '-o', 'ndjson', '--page-size', '500'],
      {
        env: fleetEnv(proxy.url),
      },
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/project eu-de_proj-charlie \(proj-charlie\): CSBS_SERVER_ERROR/);
    const rows = ndjson<{ id: string; project_id: string }>(r.stdout);
    const per = (p: string) => new Set(rows.filter((row) => row.project_id === p).map((row) => row.id)).size;
    expect(per('proj-alpha')).toBe(perProject);
    expect(per('proj-bravo')).toBe(perProject);
    // Its first page arrived before it failed: mid-walk.
    expect(per('proj-charlie')).toBe(500);
    expect(rows.every((row) => projects.includes(row.project_id))).toBe(true);
  });

  it('backups count and query --projects: sums over the projects, per project with -o json', async () => {
    const env = fleetEnv(emulator.url);
    const count = await runCsbs(
      ['backups', 'count', '--projects', projects.join(','), '--status', 'error', '-o', 'json'],
      {
        env,
      },
    );
    expect(count.code).toBe(0);
    const counted = JSON.parse(count.stdout) as {
      count: number;
      projects: { project_id: string; count: number }[];
    };
    expect(counted.projects.map((p) => p.project_id)).toEqual(projects);
    expect(counted.count).toBe(counted.projects.reduce((s, p) => s + p.count, 0));
    expect(counted.count).toBeGreaterThan(0);

    const query = await runCsbs(
      ['backups', 'query', '--projects', projects.join(','), '--selector', 'env=prod', '--count'],
      {
        env,
      },
    );
    const rows = await runCsbs(
      [
        'backups',
        'query',
        '--projects',
        projects.join(','),
        '--selector',
        'env=prod',
        '--all',
        '-o',
        'ndjson',
      ],
      { env },
    );
    expect([query.code, rows.code]).toEqual([0, 0]);
    const matches = ndjson<{ project_id: string }>(rows.stdout);
    expect(matches).toHaveLength(Number(query.stdout));
    expect(new Set(matches.map((m) => m.project_id))).toEqual(new Set(projects));
  });

  it('refuses contradicting or incomplete flags before any request', async () => {
    const env = fleetEnv('http://127.0.0.1:9');
    const both = await runCsbs(['report', '--projects', 'a', '--all-projects'], { env });
    expect(both).toMatchObject({ code: 2, stdout: '' });
    expect(both.stderr).toBe('csbs: error: --projects: cannot be combined with --all-projects (pick one)\n');
    const csv = await runCsbs(['report', '-o', 'csv'], { env });
    expect(csv.code).toBe(2);
    expect(csv.stderr).toMatch(/--section: required with -o csv/);
    const stale = await runCsbs(['report', '--stale', 'a week'], { env });
    expect(stale.stderr).toMatch(/--stale: must be a whole number and a unit/);
    const alone = await runCsbs(['backups', 'list', '--concurrency', '2'], { env });
    expect(alone.stderr).toMatch(/--concurrency: needs --projects or --all-projects/);
  });
});
