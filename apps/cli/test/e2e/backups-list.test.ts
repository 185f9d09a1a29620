import { spawn } from 'node:child_process';
import { type RunningEmulator, startEmulator } from '@csbs-kit/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { csbsBin, ndjson, runCsbs, tokenEnv } from '../helpers/run-csbs.js';

interface Item {
  id: string;
  name: string;
  status: string;
  created_at: string;
  extend_info: { resource_az: string; resource_name: string; size: number };
  tags: { key: string; value: string }[];
}

let emulator: RunningEmulator;
let env: Record<string, string>;
let everything: Item[];

beforeAll(async () => {
  emulator = await startEmulator({ host: '127.0.0.1', port: 0, generate: { count: 400, seed: 11 } });
  env = tokenEnv(emulator.url);
  const all = await runCsbs(['backups', 'list', '--all', '-o', 'ndjson'], { env });
  expect(all.code).toBe(0);
  // No progress when stderr is not a terminal.
  expect(all.stderr).toBe('');
  everything = ndjson<Item>(all.stdout);
});

afterAll(async () => {
  await emulator.close();
});

describe('csbs backups list', () => {
  it('--all walks every page: as many backups as the count endpoint reports, no duplicates', async () => {
    const count = await runCsbs(['backups', 'count'], { env });
    expect(count.code).toBe(0);
    expect(everything.length).toBe(Number(count.stdout.trim()));
    expect(everything.length).toBeGreaterThan(300);
    expect(new Set(everything.map((i) => i.id)).size).toBe(everything.length);
  });

  it('defaults to NDJSON when stdout is not a terminal, and to the newest 50', async () => {
    const r = await runCsbs(['backups', 'list'], { env });
    expect(r.code).toBe(0);
    const items = ndjson<Item>(r.stdout);
    expect(items.map((i) => i.id)).toEqual(everything.slice(0, 50).map((i) => i.id));
    expect(r.stderr).toContain('showing the first 50 backups; use --max N or --all for more');
  });

  it('small pages give the same walk as large ones', async () => {
    const r = await runCsbs(['backups', 'list', '--all', '--page-size', '37', '-q'], { env });
    expect(r.code).toBe(0);
    expect(ndjson<Item>(r.stdout).map((i) => i.id)).toEqual(everything.map((i) => i.id));
    expect(r.stderr).toBe('');
  });

  it('-o json: one array, streamed with --all', async () => {
    const r = await runCsbs(['backups', 'list', '--all', '-o', 'json'], { env });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Item[]).map((i) => i.id)).toEqual(everything.map((i) => i.id));
    const one = await runCsbs(['backups', 'list', '--max', '3', '-o', 'json'], { env });
    expect(JSON.parse(one.stdout)).toEqual(everything.slice(0, 3));
  });

  it('-o yaml parses back to the same records', async () => {
    const r = await runCsbs(['backups', 'list', '--max', '4', '-o', 'yaml'], { env });
    expect(r.code).toBe(0);
    expect(parse(r.stdout)).toEqual(everything.slice(0, 4));
  });

  it('-o csv: a header of field paths and one row per backup', async () => {
    const r = await runCsbs(
      ['backups', 'list', '--max', '5', '-o', 'csv', '--fields', 'id,status,extend_info.size'],
      {
        env,
      },
    );
    expect(r.code).toBe(0);
    const expected = [
      'id,status,extend_info.size',
      ...everything.slice(0, 5).map((i) => `${i.id},${i.status},${i.extend_info.size}`),
    ];
    expect(r.stdout).toBe(`${expected.join('\n')}\n`);
  });

  it('-o table: chosen columns, human sizes and times', async () => {
    const r = await runCsbs(['backups', 'list', '--max', '3', '-o', 'table'], { env });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+NAME\s+STATUS\s+RESOURCE\s+AZ\s+SIZE\s+CREATED$/);
    expect(lines).toHaveLength(4);
    const first = everything[0]!;
    expect(lines[1]).toContain(first.id);
    expect(lines[1]).toMatch(/ \d+(\.\d)? (MB|GB|TB) /);
    expect(lines[1]).toContain(`${first.created_at.slice(0, 10)} ${first.created_at.slice(11, 16)} UTC`);
  });

  it('--fields picks nested keys in NDJSON', async () => {
    const r = await runCsbs(['backups', 'list', '--max', '2', '--fields', 'id,extend_info.resource_az'], {
      env,
    });
    expect(ndjson(r.stdout)).toEqual(
      everything
        .slice(0, 2)
        .map((i) => ({ id: i.id, extend_info: { resource_az: i.extend_info.resource_az } })),
    );
  });

  it('filters: --status and --az are exact, --resource-name is a case-insensitive substring', async () => {
    const r = await runCsbs(['backups', 'list', '--all', '--status', 'error', '--az', 'eu-de-02'], { env });
    expect(r.code).toBe(0);
    const expected = everything.filter(
      (i) => i.status === 'error' && i.extend_info.resource_az === 'eu-de-02',
    );
    expect(ndjson<Item>(r.stdout).map((i) => i.id)).toEqual(expected.map((i) => i.id));
    const byName = await runCsbs(['backups', 'list', '--all', '--resource-name', 'WEB'], { env });
    const named = everything.filter((i) => i.extend_info.resource_name.toLowerCase().includes('web'));
    expect(ndjson<Item>(byName.stdout).map((i) => i.id)).toEqual(named.map((i) => i.id));
    expect(named.length).toBeGreaterThan(0);
  });

  it('--since and --until bound created_at inclusively', async () => {
    const since = everything[40]!.created_at;
    const until = everything[10]!.created_at;
    const r = await runCsbs(['backups', 'list', '--all', '--since', since, '--until', until], { env });
    expect(r.code).toBe(0);
    const expected = everything.filter((i) => i.created_at >= since && i.created_at <= until);
    expect(ndjson<Item>(r.stdout).map((i) => i.id)).toEqual(expected.map((i) => i.id));
  });

  it('--sort name:asc orders by name', async () => {
    const r = await runCsbs(['backups', 'list', '--max', '30', '--sort', 'name:asc'], { env });
    const names = ndjson<Item>(r.stdout).map((i) => i.name);
    expect(names).toEqual([...names].sort());
    expect(names[0]).toBe([...everything.map((i) => i.name)].sort()[0]);
  });

  it('--selector filters each page by tags on the client, like the tag query', async () => {
    const selector = 'env=prod,tier in (frontend,database)';
    const listed = await runCsbs(['backups', 'list', '--all', '--selector', selector], { env });
    expect(listed.code).toBe(0);
    const queried = await runCsbs(['backups', 'query', '--selector', selector, '--all'], { env });
    const ids = ndjson<Item>(listed.stdout).map((i) => i.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids)).toEqual(
      new Set(ndjson<{ resource_id: string }>(queried.stdout).map((r) => r.resource_id)),
    );
    for (const item of ndjson<Item>(listed.stdout)) {
      const tags = Object.fromEntries(item.tags.map((t) => [t.key, t.value]));
      expect(tags.env).toBe('prod');
      expect(['frontend', 'database']).toContain(tags.tier);
    }
  });

  it('--max counts selector matches', async () => {
    const r = await runCsbs(['backups', 'list', '--max', '3', '--selector', 'env=prod'], { env });
    expect(ndjson(r.stdout)).toHaveLength(3);
  });

  it('an empty listing is empty output, with a notice only for tables', async () => {
    const r = await runCsbs(['backups', 'list', '--name', 'no-such-backup-name'], { env });
    expect(r).toMatchObject({ code: 0, stdout: '' });
    const t = await runCsbs(['backups', 'list', '--name', 'no-such-backup-name', '-o', 'table'], { env });
    expect(t).toEqual({ code: 0, stdout: '', stderr: 'No backups found.\n' });
  });

  it('a reader that closes the pipe early (| head) is not an error', async () => {
    const child = spawn(
      'bash',
      [
        '--norc',
        '--noprofile',
        '-c',
        `set -o pipefail; "${process.execPath}" "${csbsBin}" backups list --all --page-size 10 | head -n 1`,
      ],
      {
        env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      stdout += c;
    });
    child.stderr.setEncoding('utf8').on('data', (c: string) => {
      stderr += c;
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(JSON.parse(stdout).id).toBe(everything[0]?.id);
  });
});
