import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../src/index.js';
import { get, ids } from '../http.js';

// keystoneauth1 and openstacksdk, from Debian's python3-keystoneauth1 and
// python3-openstacksdk (scripts/test installs them with apt when they are missing), given
// only the auth URL of the emulator. Debian's packages live under /usr/bin/python3; a
// python3 earlier on PATH (pyenv, a venv) would not see them.
const run = promisify(execFile);
const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const script = join(import.meta.dirname, 'openstack_list_backups.py');

let emu: RunningEmulator;
let home: string;
beforeAll(async () => {
  emu = await startEmulator({ generate: { count: 45, seed: 3 } });
  home = mkdtempSync(join(tmpdir(), 'csbs-openstack-'));
});
afterAll(async () => {
  await emu.close();
  rmSync(home, { recursive: true, force: true });
});

/** Fails loudly (never skips) when the Debian packages are not there. */
async function requireOpenStackClients(): Promise<void> {
  try {
    await run(python, ['-c', 'import keystoneauth1, openstack'], { timeout: 30_000 });
  } catch (error) {
    throw new Error(
      `${python} cannot import keystoneauth1 and openstack: install python3-keystoneauth1 and ` +
        `python3-openstacksdk (scripts/test does this with apt) — ${(error as Error).message}`,
    );
  }
}

interface Walk {
  endpoint: string;
  ids: string[];
  request_ids_present: boolean;
  project_id?: string;
}

describe('keystoneauth1 and openstacksdk with only the auth URL', () => {
  it('authenticate by password and list every backup once through the catalog endpoint', async () => {
    await requireOpenStackClients();
    const demo = emu.demo!;
    // The README's clouds.yaml: only auth_url points at the emulator.
    const cloudsYaml = join(home, 'clouds.yaml');
    writeFileSync(
      cloudsYaml,
      [
        'clouds:',
        '  emulator:',
        '    auth:',
        `      auth_url: ${emu.url}`,
        `      username: ${demo.username}`,
        `      password: ${demo.password}`,
        `      user_domain_name: ${demo.domainName}`,
        `      project_id: ${demo.projectId}`,
        '    region_name: eu-de',
        '',
      ].join('\n'),
    );
    const args = {
      auth_url: emu.url,
      username: demo.username,
      password: demo.password,
      user_domain_name: demo.domainName,
      project_id: demo.projectId,
      page: 7,
    };
    const { stdout } = await run(python, [script, JSON.stringify(args)], {
      timeout: 90_000,
      // A clean environment: no OS_* variables or clouds.yaml of the machine leak in.
      env: { PATH: '/usr/bin:/bin', HOME: home, OS_CLIENT_CONFIG_FILE: cloudsYaml },
    });
    const result = JSON.parse(stdout) as { keystoneauth: Walk; openstacksdk: Walk };

    const all = ids(
      (await get(`${emu.url}/v1/${demo.projectId}/checkpoint_items?limit=1000`, demo.token)).body,
    );
    expect(all).toHaveLength(45);
    for (const walk of [result.keystoneauth, result.openstacksdk]) {
      expect(walk.endpoint).toBe(`${emu.url}/v1/${demo.projectId}`);
      expect(walk.ids).toEqual(all);
      expect(new Set(walk.ids).size).toBe(walk.ids.length);
      expect(walk.request_ids_present).toBe(true);
    }
    expect(result.openstacksdk.project_id).toBe(demo.projectId);
    // They found v3 by version discovery at the bare auth URL, then asked for tokens.
    const log = emu.requestLog();
    expect(log.some((e) => e.method === 'GET' && e.path === '/')).toBe(true);
    expect(
      log.filter((e) => e.method === 'POST' && e.path === '/v3/auth/tokens' && e.status === 201).length,
    ).toBe(2);
  }, 120_000);
});
