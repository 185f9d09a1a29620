import { type RunningEmulator, startEmulator } from '@csbs-kit/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCsbs } from '../helpers/run-csbs.js';

const project = 'hostile-project-0001';
const token = 'hostile-token-000000000000000001';
const evilName = 'evil\x1b]0;PWNED\x07\x1b[2J\u202eexe.txt\u009b31m';

const item = (id: string, name: string, created: string) => ({
  id,
  name,
  status: 'available',
  created_at: created,
  resource_id: `server-${id}`,
  extend_info: { resource_name: `vm-${id}`, resource_az: 'eu-de-01', size: 1024 },
  tags: [{ key: 'env', value: 'prod' }],
});

// Five backups, newest first: the crafted names a hostile service (or user) could store.
const items = [
  item('b5', evilName, '2026-01-05T00:00:00'),
  item('b4', '=HYPERLINK("http://evil.example","click")', '2026-01-04T00:00:00'),
  item('b3', 'no', '2026-01-03T00:00:00'),
  item('b2', '2025-01-01', '2026-01-02T00:00:00'),
  item('b1', "+cmd|' /C calc'!A0", '2026-01-01T00:00:00'),
];

let emulator: RunningEmulator;
let env: Record<string, string>;
/** C0/C1 controls and bidi overrides: none may reach a terminal. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const terminalControls = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

beforeAll(async () => {
  emulator = await startEmulator({
    data: {
      projects: { [project]: { checkpoint_items: items } },
      credentials: [{ token, project_id: project }],
    },
  });
  env = { CSBS_ENDPOINT: emulator.url, OS_AUTH_TOKEN: token, OS_PROJECT_ID: project };
});

afterAll(async () => {
  await emulator.close();
});

describe('hostile names', () => {
  it('table and show write controls and bidi overrides out instead of sending them to the terminal', async () => {
    const table = await runCsbs(['backups', 'list', '-o', 'table'], { env });
    expect(table.code).toBe(0);
    expect(table.stdout).not.toMatch(terminalControls);
    expect(table.stdout).toContain('evil\\x1b]0;PWNED\\x07\\x1b[2J\\u202eexe.txt\\x9b31m');
    const show = await runCsbs(['backups', 'show', 'b5', '-o', 'table'], { env });
    expect(show.stdout).not.toMatch(terminalControls);
    expect(show.stdout).toContain('\\x1b]0;PWNED');
    const query = await runCsbs(['backups', 'query', '--selector', 'env=prod', '-o', 'table'], { env });
    expect(query.stdout).not.toMatch(terminalControls);
  });

  it('machine formats stay exact', async () => {
    const nd = await runCsbs(['backups', 'list', '-o', 'ndjson', '--fields', 'id,name'], { env });
    expect(JSON.parse(nd.stdout.split('\n')[0]!)).toEqual({ id: 'b5', name: evilName });
  });

  it('csv neutralises formula cells with a leading quote; --no-escape-formulas keeps them', async () => {
    const csv = await runCsbs(['backups', 'list', '-o', 'csv', '--fields', 'id,name'], { env });
    const lines = csv.stdout.trimEnd().split('\n');
    expect(lines).toContain(`b4,"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(lines).toContain(`b1,'+cmd|' /C calc'!A0`);
    expect(lines).toContain('b3,no');
    const raw = await runCsbs(
      ['backups', 'list', '-o', 'csv', '--fields', 'id,name', '--no-escape-formulas'],
      { env },
    );
    expect(raw.stdout).toContain(`b4,"=HYPERLINK(""http://evil.example"",""click"")"`);
  });

  it('yaml quotes what a YAML 1.1 reader would retype (no, dates, created_at)', async () => {
    const yaml = await runCsbs(['backups', 'list', '-o', 'yaml', '--fields', 'id,name,created_at'], { env });
    expect(yaml.stdout).toContain('name: "no"');
    expect(yaml.stdout).toContain('name: "2025-01-01"');
    expect(yaml.stdout).toContain('created_at: "2026-01-05T00:00:00"');
    const read = parse(yaml.stdout, { version: '1.1' }) as { name: unknown; created_at: unknown }[];
    expect(read.map((r) => r.name)).toEqual(items.map((i) => i.name));
    expect(read.every((r) => typeof r.created_at === 'string')).toBe(true);
  });
});

describe('one vocabulary, one rule, true hints', () => {
  it('--fields with an unknown name is exit 2 listing the known ones; dotted paths stay allowed', async () => {
    const r = await runCsbs(['backups', 'list', '--fields', 'id,nmae'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^csbs: error: --fields: unknown field "nmae"; known: id, checkpoint_id, name, /,
    );
    expect(r.stdout).toBe('');
    const nested = await runCsbs(['backups', 'list', '-o', 'csv', '--fields', 'id,extend_info.resource_az'], {
      env,
    });
    expect(nested.stdout.split('\n')[1]).toBe('b5,eu-de-01');
  });

  it('query takes the list fields: --fields id,name,status prints them, not blanks', async () => {
    const r = await runCsbs(
      ['backups', 'query', '--selector', 'env=prod', '-o', 'csv', '--fields', 'id,name,status'],
      {
        env,
      },
    );
    expect(r.code).toBe(0);
    const rows = r.stdout.trimEnd().split('\n');
    expect(rows[0]).toBe('id,name,status');
    expect(rows.slice(1).every((row) => /^b\d,.+,available$/.test(row))).toBe(true);
  });

  it('list --all --max is refused like query --all --limit', async () => {
    const list = await runCsbs(['backups', 'list', '--all', '--max', '5'], { env });
    expect(list.code).toBe(2);
    expect(list.stderr).toBe('csbs: error: --max: cannot be combined with --all\n');
    const query = await runCsbs(['backups', 'query', '--selector', 'env', '--all', '--limit', '5'], { env });
    expect(query.code).toBe(2);
  });

  it('the "showing the first" hint appears only when more exist, in good English', async () => {
    const exact = await runCsbs(['backups', 'list', '--max', '5', '-o', 'ndjson'], { env });
    expect(exact.stdout.trimEnd().split('\n')).toHaveLength(5);
    expect(exact.stderr).toBe('');
    const fewer = await runCsbs(['backups', 'list', '--max', '4', '-o', 'ndjson'], { env });
    expect(fewer.stderr).toBe('csbs: showing the first 4 backups; use --max N or --all for more\n');
    const one = await runCsbs(['backups', 'list', '--max', '1', '-o', 'ndjson'], { env });
    expect(one.stderr).toBe('csbs: showing the first 1 backup; use --max N or --all for more\n');
  });

  it('show --help and count --help say what a pipe gets', async () => {
    const show = await runCsbs(['backups', 'show', '--help'], { env });
    // Help wraps to the terminal width: compare with the line breaks taken out.
    const flat = (text: string) => text.replace(/\s+/g, ' ');
    expect(flat(show.stdout)).toContain('(default: table on a terminal, else json)');
    const count = await runCsbs(['backups', 'count', '--help'], { env });
    expect(flat(count.stdout)).toContain('(default: the bare number, on a terminal or not)');
    expect(flat(count.stdout)).not.toContain('else ndjson');
  });
});

describe('dot-segment ids', () => {
  it.each([
    [['backups', 'show', '..'], /^csbs: error: id: must not be "\.\."/],
    [['backups', 'show', '.'], /^csbs: error: id: must not be "\."/],
    [['backups', 'list', '--project-id', '..'], /^csbs: error: projectId: must not be "\.\."/],
    [['backups', 'count', '--project-id', '.'], /^csbs: error: projectId: must not be "\."/],
  ])('%j is refused locally (exit 2), and nothing is sent', async (argv, message) => {
    const before = emulator.requestLog().length;
    const r = await runCsbs(argv, { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(emulator.requestLog().length).toBe(before);
  });
});
