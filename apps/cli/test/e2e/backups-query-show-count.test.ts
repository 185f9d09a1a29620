import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type RunningEmulator, startEmulator } from '@csbs-kit/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ndjson, runCsbs, tempDir, tokenEnv } from '../helpers/run-csbs.js';

interface Item {
  id: string;
  name: string;
  status: string;
  tags: { key: string; value: string }[];
  extend_info: { size: number };
}
interface Resource {
  resource_id: string;
  resource_name: string;
  resource_detail: Item;
  tags: { key: string; value: string }[];
}

let emulator: RunningEmulator;
let env: Record<string, string>;
let everything: Item[];

const tagsOf = (item: Item) => Object.fromEntries(item.tags.map((t) => [t.key, t.value]));

beforeAll(async () => {
  emulator = await startEmulator({ host: '127.0.0.1', port: 0, generate: { count: 300, seed: 5 } });
  env = tokenEnv(emulator.url);
  everything = ndjson<Item>((await runCsbs(['backups', 'list', '--all'], { env })).stdout);
});

afterAll(async () => {
  await emulator.close();
});

describe('csbs backups count', () => {
  it('prints a bare number by default, an object with -o json', async () => {
    const available = everything.filter((i) => i.status === 'available').length;
    expect(await runCsbs(['backups', 'count', '--status', 'available'], { env })).toEqual({
      code: 0,
      stdout: `${available}\n`,
      stderr: '',
    });
    const json = await runCsbs(['backups', 'count', '--status', 'available', '-o', 'json'], { env });
    expect(JSON.parse(json.stdout)).toEqual({ count: available });
    const yaml = await runCsbs(['backups', 'count', '-o', 'yaml'], { env });
    expect(parse(yaml.stdout)).toEqual({ count: everything.length });
  });
});

describe('csbs backups show', () => {
  it('prints every field: JSON when piped, a readable layout with -o table', async () => {
    const item = everything[7]!;
    const json = await runCsbs(['backups', 'show', item.id], { env });
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(item);
    const table = await runCsbs(['backups', 'show', item.id, '-o', 'table'], { env });
    expect(table.stdout).toMatch(new RegExp(`^id\\s+${item.id}$`, 'm'));
    expect(table.stdout).toMatch(/^extend_info\.size\s+\d+(\.\d)? (MB|GB|TB) \(\d+ MB\)$/m);
    expect(table.stdout).toMatch(/^extend_info\.resource_az\s+eu-de-0\d$/m);
  });

  it('a missing backup is exit 1 with status, service code, message and request id', async () => {
    const r = await runCsbs(['backups', 'show', 'no-such-id'], { env });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^csbs: error: 404 CSBS\.3001: .+ \(request id [\w-]+\)\n$/);
  });
});

describe('csbs backups query', () => {
  const selector = 'env=prod,tier in (frontend,database)';
  const matching = () =>
    everything.filter(
      (i) => tagsOf(i).env === 'prod' && ['frontend', 'database'].includes(tagsOf(i).tier ?? ''),
    );

  it('--count answers total_count', async () => {
    const r = await runCsbs(['backups', 'query', '--selector', selector, '--count'], { env });
    expect(r).toEqual({ code: 0, stdout: `${matching().length}\n`, stderr: '' });
    const json = await runCsbs(['backups', 'query', '--selector', selector, '--count', '-o', 'json'], {
      env,
    });
    expect(JSON.parse(json.stdout)).toEqual({ total_count: matching().length });
  });

  it('--all streams one resource per line, newest first', async () => {
    const r = await runCsbs(['backups', 'query', '--selector', selector, '--all', '--page-size', '7'], {
      env,
    });
    expect(r.code).toBe(0);
    const resources = ndjson<Resource>(r.stdout);
    expect(resources.map((x) => x.resource_id)).toEqual(matching().map((i) => i.id));
    expect(resources[0]?.resource_detail.id).toBe(resources[0]?.resource_id);
  });

  it('--limit and --offset pick a window, and say how many more there are', async () => {
    const r = await runCsbs(['backups', 'query', '--selector', selector, '--limit', '3', '--offset', '2'], {
      env,
    });
    expect(ndjson<Resource>(r.stdout).map((x) => x.resource_id)).toEqual(
      matching()
        .slice(2, 5)
        .map((i) => i.id),
    );
    expect(r.stderr).toBe(
      `csbs: showing 3 of ${matching().length} matches; use --offset 5 or --all for more\n`,
    );
  });

  it('-o table shows the tags; -o csv the raw columns of the list, one vocabulary', async () => {
    const t = await runCsbs(
      ['backups', 'query', '--selector', selector, '--limit', '2', '-o', 'table', '-q'],
      { env },
    );
    expect(t.stdout.split('\n')[0]).toMatch(/^ID\s+NAME\s+STATUS\s+AZ\s+SIZE\s+CREATED\s+TAGS$/);
    expect(t.stdout).toContain('env=prod');
    const c = await runCsbs(['backups', 'query', '--selector', selector, '--limit', '2', '-o', 'csv', '-q'], {
      env,
    });
    expect(c.stdout.split('\n')[0]).toBe(
      'id,name,status,resource_id,resource_type,extend_info.resource_name,extend_info.resource_az,extend_info.size,created_at,updated_at,tags',
    );
    expect(c.stdout.split('\n')[1]).toMatch(new RegExp(`^${matching()[0]!.id},`));
  });

  it('--name-contains adds a case-insensitive name match', async () => {
    const needle = everything[0]!.name.slice(0, 4).toUpperCase();
    const r = await runCsbs(['backups', 'query', '--selector', 'env', '--name-contains', needle, '--all'], {
      env,
    });
    const expected = everything.filter(
      (i) => 'env' in tagsOf(i) && i.name.toLowerCase().includes(needle.toLowerCase()),
    );
    expect(ndjson<Resource>(r.stdout).map((x) => x.resource_id)).toEqual(expected.map((i) => i.id));
  });

  it('--tags-json reads a wire-shape query from a file or stdin', async () => {
    const dir = await tempDir();
    const query = {
      tags: [{ key: 'env', values: ['prod'] }],
      not_tags_any: [{ key: 'tier', values: ['cache'] }],
    };
    await writeFile(join(dir, 'q.json'), JSON.stringify(query));
    const expected = everything.filter((i) => tagsOf(i).env === 'prod' && tagsOf(i).tier !== 'cache').length;
    const fromFile = await runCsbs(['backups', 'query', '--tags-json', 'q.json', '--count'], {
      env,
      cwd: dir,
    });
    expect(fromFile.stdout).toBe(`${expected}\n`);
    const fromStdin = await runCsbs(['backups', 'query', '--tags-json', '-', '--count'], {
      env,
      input: JSON.stringify(query),
    });
    expect(fromStdin.stdout).toBe(`${expected}\n`);
  });

  it('a bad --tags-json names the field before any request', async () => {
    const before = emulator.requestLog().length;
    const r = await runCsbs(['backups', 'query', '--tags-json', '-'], { env, input: '{"not_tag": []}' });
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'csbs: error: --tags-json not_tag: unknown field\n' });
    const invalid = await runCsbs(['backups', 'query', '--tags-json', '-'], { env, input: '{"tags": []}' });
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/^csbs: error: --tags-json tags: /);
    expect(emulator.requestLog().length).toBe(before);
  });

  it('a bad selector names the column before any request', async () => {
    const before = emulator.requestLog().length;
    const r = await runCsbs(['backups', 'query', '--selector', 'env in (prod', '--count'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^csbs: error: --selector: expected .+ at column \d+, found .+\n$/);
    expect(emulator.requestLog().length).toBe(before);
  });
});
