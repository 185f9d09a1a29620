import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { demoCredentials as demo, type RunningEmulator, startEmulator } from '@csbs-kit/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCsbs, tempDir, temporaryCredentials, tokenEnv } from '../helpers/run-csbs.js';

let emulator: RunningEmulator;
let total: number;

beforeAll(async () => {
  emulator = await startEmulator({ host: '127.0.0.1', port: 0, generate: { count: 120, seed: 3 } });
  const r = await runCsbs(['backups', 'count'], { env: tokenEnv(emulator.url) });
  expect(r.code).toBe(0);
  total = Number(r.stdout);
  expect(total).toBeGreaterThan(0);
});

afterAll(async () => {
  await emulator.close();
});

async function count(
  env: Record<string, string>,
  extra: { cwd?: string; home?: string; args?: string[] } = {},
) {
  return runCsbs([...(extra.args ?? []), 'backups', 'count'], { env, ...extra });
}

describe('auth kinds', () => {
  it('token: OS_AUTH_TOKEN', async () => {
    expect(await count(tokenEnv(emulator.url))).toEqual({ code: 0, stdout: `${total}\n`, stderr: '' });
  });

  it('AK/SK: HUAWEICLOUD_SDK_* names', async () => {
    const env = {
      CSBS_ENDPOINT: emulator.url,
      HUAWEICLOUD_SDK_AK: demo.accessKey,
      HUAWEICLOUD_SDK_SK: demo.secretKey,
      HUAWEICLOUD_SDK_PROJECT_ID: demo.projectId,
    };
    expect(await count(env)).toEqual({ code: 0, stdout: `${total}\n`, stderr: '' });
  });

  it('AK/SK: their OS_* twins, and --endpoint as a flag', async () => {
    const env = {
      OS_ACCESS_KEY: demo.accessKey,
      OS_SECRET_KEY: demo.secretKey,
      OS_PROJECT_ID: demo.projectId,
    };
    expect(await count(env, { args: ['--endpoint', emulator.url] })).toMatchObject({
      code: 0,
      stdout: `${total}\n`,
    });
  });

  it('temporary AK/SK: HUAWEICLOUD_SDK_SECURITY_TOKEN, and OS_SECURITY_TOKEN', async () => {
    const project = 'e2e0000000000000000000000000temp';
    const items = [1, 2, 3].map((n) => ({ id: `tmp-${n}`, name: `backup-${n}`, status: 'available' }));
    await using temporary = await startEmulator({
      host: '127.0.0.1',
      port: 0,
      data: {
        projects: { [project]: { checkpoint_items: items } },
        credentials: [{ ...temporaryCredentials, project_id: project }],
      },
    });
    const env = {
      CSBS_ENDPOINT: temporary.url,
      HUAWEICLOUD_SDK_AK: temporaryCredentials.access_key,
      HUAWEICLOUD_SDK_SK: temporaryCredentials.secret_key,
      HUAWEICLOUD_SDK_SECURITY_TOKEN: temporaryCredentials.security_token,
      HUAWEICLOUD_SDK_PROJECT_ID: project,
    };
    expect(await runCsbs(['--debug', 'backups', 'count'], { env })).toMatchObject({ code: 0, stdout: '3\n' });
    const { HUAWEICLOUD_SDK_SECURITY_TOKEN: _st, ...withoutToken } = env;
    const twin = await count({ ...withoutToken, OS_SECURITY_TOKEN: temporaryCredentials.security_token });
    expect(twin).toEqual({ code: 0, stdout: '3\n', stderr: '' });
    // The same key pair without its security token is refused.
    const missing = await count(withoutToken);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^csbs: error: 401 /);
  });

  it('password: OS_AUTH_URL, OS_USERNAME, OS_PASSWORD, OS_USER_DOMAIN_NAME via the emulator IAM', async () => {
    const env = {
      CSBS_ENDPOINT: emulator.url,
      OS_AUTH_URL: `${emulator.url}/v3`,
      OS_USERNAME: demo.username,
      OS_PASSWORD: demo.password,
      OS_USER_DOMAIN_NAME: demo.domainName,
      OS_PROJECT_NAME: demo.projectName,
      OS_PROJECT_ID: demo.projectId,
    };
    expect(await count(env)).toEqual({ code: 0, stdout: `${total}\n`, stderr: '' });
    const wrong = await count({ ...env, OS_PASSWORD: 'not-the-password' });
    expect(wrong.code).toBe(1);
    // Keystone's body says `"code": 401`: the status is said once, not "401 401:".
    expect(wrong.stderr).toMatch(/^csbs: error: 401: \S/);
  });

  it('password with only the auth URL: CSBS comes from the token catalog, no endpoint', async () => {
    const env = {
      OS_AUTH_URL: emulator.url,
      OS_USERNAME: demo.username,
      OS_PASSWORD: demo.password,
      OS_USER_DOMAIN_NAME: demo.domainName,
      OS_PROJECT_ID: demo.projectId,
    };
    expect(await count(env)).toEqual({ code: 0, stdout: `${total}\n`, stderr: '' });
    // The emulator README's clouds.yaml, the one openstacksdk reads too.
    const dir = await tempDir();
    await writeFile(
      join(dir, 'clouds.yaml'),
      `clouds:
  emulator:
    auth:
      auth_url: ${emulator.url}
      username: ${demo.username}
      password: ${demo.password}
      user_domain_name: ${demo.domainName}
      project_id: ${demo.projectId}
    region_name: eu-de
`,
    );
    expect(await count({}, { cwd: dir, args: ['--cloud', 'emulator'] })).toEqual({
      code: 0,
      stdout: `${total}\n`,
      stderr: '',
    });
  });

  it('a wrong token is exit 1 with the gateway code', async () => {
    const r = await count({ ...tokenEnv(emulator.url), OS_AUTH_TOKEN: 'not-a-token' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^csbs: error: 401 APIGW\.0301: .+ \(request id [\w-]+\)\n$/);
  });

  it('--all-tenants needs an administrator: 403 for a user, every project for an admin', async () => {
    const user = await runCsbs(['backups', 'count', '--all-tenants'], { env: tokenEnv(emulator.url) });
    expect(user.code).toBe(1);
    expect(user.stderr).toMatch(/^csbs: error: 403 /);
    const admin = await runCsbs(['backups', 'count', '--all-tenants'], {
      env: { ...tokenEnv(emulator.url), OS_AUTH_TOKEN: demo.adminToken },
    });
    expect(admin.code).toBe(0);
    expect(Number(admin.stdout)).toBeGreaterThan(total);
  });
});

describe('clouds.yaml', () => {
  const cloudsYaml = (url: string) => `clouds:
  emu:
    region_name: eu-de
    csbs_endpoint: ${url}
    auth:
      project_id: ${demo.projectId}
  emu-keys:
    csbs_endpoint: ${url}
    auth:
      project_id: ${demo.projectId}
      ak: ${demo.accessKey}
`;
  const secureYaml = `clouds:
  emu:
    auth:
      token: ${demo.token}
  emu-keys:
    auth:
      sk: ${demo.secretKey}
`;

  it('--cloud reads ./clouds.yaml with secure.yaml merged', async () => {
    const cwd = await tempDir();
    await writeFile(join(cwd, 'clouds.yaml'), cloudsYaml(emulator.url));
    await writeFile(join(cwd, 'secure.yaml'), secureYaml);
    expect(await count({}, { cwd, args: ['--cloud', 'emu'] })).toEqual({
      code: 0,
      stdout: `${total}\n`,
      stderr: '',
    });
    expect(await count({ OS_CLOUD: 'emu-keys' }, { cwd })).toMatchObject({ code: 0, stdout: `${total}\n` });
  });

  it('OS_CLOUD finds ~/.config/openstack/clouds.yaml', async () => {
    const home = await tempDir('csbs-home-');
    await mkdir(join(home, '.config/openstack'), { recursive: true });
    await writeFile(join(home, '.config/openstack/clouds.yaml'), cloudsYaml(emulator.url));
    await writeFile(join(home, '.config/openstack/secure.yaml'), secureYaml);
    expect(await count({ OS_CLOUD: 'emu' }, { home })).toMatchObject({ code: 0, stdout: `${total}\n` });
  });

  it('OS_CLIENT_CONFIG_FILE names the file; the environment beats it', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'my-clouds.yaml'), cloudsYaml('http://127.0.0.1:9'));
    await writeFile(join(dir, 'secure.yaml'), secureYaml);
    const env = {
      OS_CLOUD: 'emu',
      OS_CLIENT_CONFIG_FILE: join(dir, 'my-clouds.yaml'),
      CSBS_ENDPOINT: emulator.url,
    };
    expect(await count(env, { cwd: dir })).toMatchObject({ code: 0, stdout: `${total}\n` });
    const shown = await runCsbs(['config', 'show', '-o', 'json'], { env, cwd: dir });
    const rows = JSON.parse(shown.stdout) as { setting: string; value: string; source: string }[];
    expect(rows.find((r) => r.setting === 'endpoint')).toEqual({
      setting: 'endpoint',
      value: emulator.url,
      source: 'env CSBS_ENDPOINT',
    });
    expect(rows.find((r) => r.setting === 'token')).toEqual({
      setting: 'token',
      value: '****',
      source: `${join(dir, 'secure.yaml')} (cloud emu)`,
    });
  });

  it('an unknown cloud is exit 2 naming the clouds there are', async () => {
    const cwd = await tempDir();
    await writeFile(join(cwd, 'clouds.yaml'), cloudsYaml(emulator.url));
    const r = await count({}, { cwd, args: ['--cloud', 'nope'] });
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: `csbs: error: --cloud: no cloud "nope" in ${join(cwd, 'clouds.yaml')} (clouds: emu, emu-keys)\n`,
    });
  });
});
