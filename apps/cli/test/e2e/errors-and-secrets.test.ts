import { demoCredentials as demo, type RunningEmulator, startEmulator } from '@csbs-kit/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCsbs, tokenEnv } from '../helpers/run-csbs.js';

let emulator: RunningEmulator;
let env: Record<string, string>;

beforeAll(async () => {
  emulator = await startEmulator({ host: '127.0.0.1', port: 0, generate: { count: 60, seed: 9 } });
  env = tokenEnv(emulator.url);
});

afterAll(async () => {
  await emulator.close();
});

describe('usage errors: exit 2, one line, no request sent', () => {
  it.each([
    [['backups', 'list', '--status', 'aviable'], 'csbs: error: --status: must be one of '],
    [['backups', 'list', '--limit', '5'], "csbs: error: unknown option '--limit'"],
    [
      ['backups', 'query', '--selector', 'env=prod', '--limit', '0'],
      'csbs: error: --limit: must be 1 or more (got 0)',
    ],
    [['backups', 'query', '--selector', 'env=a,env=b', '--count'], 'csbs: error: --selector: '],
    [
      ['backups', 'list', '-o', 'xml'],
      'csbs: error: --output: must be one of table, json, ndjson, csv, yaml (got "xml")',
    ],
    [['backups', 'list', '--timeout', 'soon'], 'csbs: error: --timeout: must be a duration'],
    [['backups', 'list', '--since', '2026-13-01'], 'csbs: error: --since: must be a UTC time'],
  ])('%j', async (argv, start) => {
    const before = emulator.requestLog().length;
    const r = await runCsbs(argv, { env });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.startsWith(start)).toBe(true);
    expect(r.stderr).not.toMatch(/\n {4}at /);
    expect(emulator.requestLog().length).toBe(before);
  });

  it('missing credentials and project id are named', async () => {
    const none = await runCsbs(['backups', 'list'], { env: { CSBS_ENDPOINT: emulator.url } });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^csbs: error: credentials: none found: set OS_AUTH_TOKEN/);
    const noProject = await runCsbs(['backups', 'list'], {
      env: { CSBS_ENDPOINT: emulator.url, OS_AUTH_TOKEN: demo.token },
    });
    expect(noProject.stderr).toMatch(/^csbs: error: project id: missing/);
  });
});

describe('API and network errors: exit 1', () => {
  it('a refused connection', async () => {
    const r = await runCsbs(['backups', 'count', '--endpoint', 'http://127.0.0.1:1', '--timeout', '2s'], {
      env,
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).toMatch(/^csbs: error: .*(ECONNREFUSED|connect|refused)/i);
  });

  it('a server that keeps failing, after retries; --debug shows each attempt and a stack', async () => {
    const failing = await startEmulator({ host: '127.0.0.1', port: 0, generate: { count: 5, seed: 1 } });
    try {
      failing.setFaults({ statusRate: 1, statuses: [500] });
      const r = await runCsbs(['backups', 'count', '--debug'], { env: tokenEnv(failing.url) });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^csbs: error: 500 /m);
      expect(r.stderr).toMatch(/^csbs: debug: retry GET .*checkpoint_items\/count/m);
      expect(r.stderr).toMatch(/\n {4}at /);
      const plain = await runCsbs(['backups', 'count'], { env: tokenEnv(failing.url) });
      expect(plain.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    } finally {
      await failing.close();
    }
  });
});

describe('secrets never reach stdout or stderr, --debug included', () => {
  // runCsbs itself fails any run whose output contains a secret; these runs add --debug.
  const url = () => emulator.url;
  it.each([
    ['token', () => tokenEnv(url())],
    [
      'AK/SK',
      () => ({
        CSBS_ENDPOINT: url(),
        HUAWEICLOUD_SDK_AK: demo.accessKey,
        HUAWEICLOUD_SDK_SK: demo.secretKey,
        HUAWEICLOUD_SDK_PROJECT_ID: demo.projectId,
      }),
    ],
    [
      'password',
      () => ({
        CSBS_ENDPOINT: url(),
        OS_AUTH_URL: `${url()}/v3`,
        OS_USERNAME: demo.username,
        OS_PASSWORD: demo.password,
        OS_USER_DOMAIN_NAME: demo.domainName,
        OS_PROJECT_ID: demo.projectId,
      }),
    ],
  ])('%s', async (_kind, makeEnv) => {
    const listed = await runCsbs(['--debug', 'backups', 'list', '--max', '2'], { env: makeEnv() });
    expect(listed.code).toBe(0);
    expect(listed.stderr).toMatch(/^csbs: debug: -> GET .*\/checkpoint_items/m);
    expect(listed.stderr).toMatch(/^csbs: debug: <- 200 GET .* \(request id [\w-]+\)$/m);
    const shown = await runCsbs(['config', 'show', '--debug'], { env: makeEnv() });
    expect(shown.code).toBe(0);
    const failed = await runCsbs(['backups', 'show', 'missing', '--debug'], { env: makeEnv() });
    expect(failed.code).toBe(1);
  });

  it('a secret in an error message is masked', async () => {
    // The endpoint is refused; the token is also the path of the URL, so the message would carry it.
    const r = await runCsbs(['backups', 'count', '--timeout', '1s', '--debug'], {
      env: { ...env, CSBS_ENDPOINT: `http://127.0.0.1:1/${demo.token}` },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('****');
  });
});
