import { describe, expect, it } from 'vitest';
import { memoryIo } from '../test/helpers/memory-stream.js';
import { run } from './run.js';

async function cli(argv: string[], env: Record<string, string> = {}) {
  const io = memoryIo({ env });
  const code = await run(argv, io);
  return { code, stdout: io.stdout.text, stderr: io.stderr.text };
}

describe('run: help and version', () => {
  it('--version prints the package version', async () => {
    const r = await cli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('backups list --help lists every filter and real examples', async () => {
    const r = await cli(['backups', 'list', '--help']);
    expect(r.code).toBe(0);
    for (const flag of [
      '--status',
      '--name',
      '--az',
      '--resource-id',
      '--resource-name',
      '--since',
      '--until',
      '--image-type',
      '--policy-id',
      '--checkpoint-id',
      '--resource-type',
      '--sort',
      '--all-tenants',
      '--page-size',
      '--max',
      '--all',
      '--selector',
      '--output',
      '--fields',
    ]) {
      expect(r.stdout).toContain(flag);
    }
    expect(r.stdout).toContain('Examples:\n  $ csbs backups list');
    expect(r.stdout).toContain('Global Options:');
    expect(r.stdout).toContain('--project-id');
  });

  it.each([
    ['backups', 'count'],
    ['backups', 'show'],
    ['backups', 'query'],
    ['demo'],
    ['config', 'show'],
    ['completion'],
  ])('%s %s --help shows examples', async (...words) => {
    const r = await cli([...words.filter(Boolean), '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Examples:\n {2}\$ \S/);
  });
});

describe('run: usage errors exit 2 before any request', () => {
  it.each([
    [['backups', 'list', '--nope'], /^csbs: error: unknown option '--nope'/],
    [['backups', 'list', '--status', 'bogus'], /^csbs: error: --status: must be one of waiting_protect, /],
    [['backups', 'list', '--since', 'last week'], /^csbs: error: --since: must be a UTC time/],
    [['backups', 'list', '--sort', 'size:asc'], /^csbs: error: --sort: unknown sort key "size"/],
    [['backups', 'list', '--max', '0'], /^csbs: error: --max: must be 1 or more \(got 0\)/],
    [['backups', 'list', '--page-size', '1001'], /^csbs: error: --page-size: must be 1\.\.1000/],
    [
      ['backups', 'list', '-o', 'xml'],
      /^csbs: error: --output: must be one of table, json, ndjson, csv, yaml/,
    ],
    [['backups', 'list', '--fields', 'id,,name'], /^csbs: error: --fields: /],
    [
      ['backups', 'query', '--selector', 'env=prod', '--limit', '0'],
      /^csbs: error: --limit: must be 1 or more/,
    ],
    [['backups', 'query'], /^csbs: error: --selector: required/],
    [['backups', 'query', '--selector', 'env in (a'], /^csbs: error: --selector: expected .* column \d+/],
    [['backups', 'list'], /^csbs: error: credentials: none found/],
    [['completion', 'tcsh'], /^csbs: error: shell: must be one of bash, zsh, fish/],
    [['backups'], /Usage: csbs backups/],
  ])('%j', async (argv, message) => {
    const r = await cli(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it('missing project id and endpoint are named', async () => {
    expect((await cli(['backups', 'count'], { OS_AUTH_TOKEN: 'secret-token-1' })).stderr).toMatch(
      /^csbs: error: project id: missing: set --project-id, OS_PROJECT_ID/,
    );
    expect(
      (await cli(['backups', 'count'], { OS_AUTH_TOKEN: 'secret-token-1', OS_PROJECT_ID: 'p' })).stderr,
    ).toMatch(/^csbs: error: endpoint: missing: set --endpoint or CSBS_ENDPOINT/);
  });
});

describe('run: config show', () => {
  it('shows each setting with its source and masks secrets', async () => {
    const r = await cli(['config', 'show', '-o', 'json', '--region', 'eu-de'], {
      OS_AUTH_TOKEN: 'secret-token-1',
      HUAWEICLOUD_SDK_SK: 'secret-key-2',
      OS_PROJECT_ID: 'p1',
    });
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { setting: string; value: string; source: string }[];
    const by = Object.fromEntries(rows.map((row) => [row.setting, row]));
    expect(by.region).toEqual({ setting: 'region', value: 'eu-de', source: 'flag --region' });
    expect(by.projectId).toEqual({ setting: 'projectId', value: 'p1', source: 'env OS_PROJECT_ID' });
    expect(by.token).toEqual({ setting: 'token', value: '****', source: 'env OS_AUTH_TOKEN' });
    expect(by.secretKey?.value).toBe('****');
    expect(by.auth?.value).toBe('token');
    expect(r.stdout + r.stderr).not.toMatch(/secret-token-1|secret-key-2/);
  });
});

describe('run: completion', () => {
  it.each([
    ['bash', /complete -F _csbs_completion csbs/],
    ['zsh', /^#compdef csbs/],
    ['fish', /complete -c csbs -n 'test \(__csbs_path\) = \\'csbs backups\\'' -a list/],
  ])('%s', async (shell, pattern) => {
    const r = await cli(['completion', shell]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(pattern);
    expect(r.stdout).toContain('available');
  });
});

describe('run: colour', () => {
  it('colours "error:" on a terminal unless NO_COLOR, TERM=dumb or --no-color', async () => {
    const tty = memoryIo();
    tty.stderr.isTTY = true;
    expect(await run(['backups', 'list', '--status', 'x'], tty)).toBe(2);
    expect(tty.stderr.text).toContain('\x1b[31merror:\x1b[39m --status');
    for (const [argv, env] of [
      [['backups', 'list', '--status', 'x'], { NO_COLOR: '1' }],
      [['backups', 'list', '--status', 'x'], { TERM: 'dumb' }],
      [['backups', 'list', '--status', 'x', '--no-color'], {}],
    ] as const) {
      const io = memoryIo({ env });
      io.stderr.isTTY = true;
      await run([...argv], io);
      expect(io.stderr.text).toMatch(/^csbs: error: --status/);
    }
  });
});

describe('run: credentials inside URLs', () => {
  it('config show masks the userinfo of CSBS_ENDPOINT and OS_AUTH_URL, in a table and in JSON', async () => {
    const env = {
      CSBS_ENDPOINT: 'http://alice:Endpoint-PW-1@127.0.0.1:9/csbs',
      OS_AUTH_URL: 'https://bob:Auth-PW-22@iam.example/v3',
    };
    for (const format of ['json', 'table', 'yaml', 'csv', 'ndjson']) {
      const r = await cli(['config', 'show', '-o', format], env);
      expect(r.code).toBe(0);
      for (const secret of ['Endpoint-PW-1', 'Auth-PW-22', 'alice', 'bob']) {
        expect(r.stdout).not.toContain(secret);
        expect(r.stderr).not.toContain(secret);
      }
      expect(r.stdout).toContain('http://****@127.0.0.1:9/csbs');
    }
  });
});
