import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../test/helpers/memory-stream.js';
import { loadSettings } from './load-settings.js';

let root: string;
let cwd: string;
let home: string;
let etc: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'csbs-settings-'));
  cwd = join(root, 'cwd');
  home = join(root, 'home');
  etc = join(root, 'etc');
  await mkdir(cwd, { recursive: true });
  await mkdir(join(home, '.config/openstack'), { recursive: true });
  await mkdir(etc, { recursive: true });
  await writeFile(
    join(home, '.config/openstack/clouds.yaml'),
    'clouds:\n  home:\n    region_name: eu-de\n    auth:\n      project_id: p-home\n      token: tok-home\n',
  );
  await writeFile(
    join(home, '.config/openstack/secure.yaml'),
    'clouds:\n  home:\n    auth:\n      token: tok-secure\n',
  );
  await writeFile(join(etc, 'clouds.yaml'), 'clouds:\n  etc:\n    auth:\n      project_id: p-etc\n');
  await writeFile(join(root, 'custom.yaml'), 'clouds:\n  custom:\n    csbs_endpoint: http://custom\n');
  await writeFile(join(root, 'broken.yaml'), 'clouds: [\n');
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const io = (env: Record<string, string>) => memoryIo({ env, cwd, home, systemConfigDir: etc });

describe('loadSettings with clouds.yaml', () => {
  it('reads no file when no cloud is named', async () => {
    expect(await loadSettings({}, io({}))).toEqual({});
  });

  it('finds ~/.config/openstack/clouds.yaml and merges secure.yaml over it', async () => {
    const s = await loadSettings({}, io({ OS_CLOUD: 'home' }));
    expect(s.projectId?.value).toBe('p-home');
    expect(s.token).toEqual({
      value: 'tok-secure',
      source: `${home}/.config/openstack/secure.yaml (cloud home)`,
    });
    expect(s.cloud).toEqual({ value: 'home', source: 'env OS_CLOUD' });
  });

  it('lets the environment and flags beat the file', async () => {
    const s = await loadSettings({ region: 'eu-nl' }, io({ OS_CLOUD: 'home', OS_PROJECT_ID: 'p-env' }));
    expect(s.projectId?.source).toBe('env OS_PROJECT_ID');
    expect(s.region?.source).toBe('flag --region');
  });

  it('takes the first file found: a clouds.yaml in the current folder hides the others', async () => {
    const local = join(cwd, 'clouds.yaml');
    await writeFile(local, 'clouds:\n  local:\n    auth:\n      project_id: p-local\n');
    try {
      expect((await loadSettings({ cloud: 'local' }, io({}))).projectId?.value).toBe('p-local');
      // The home clouds.yaml is hidden; only secure.yaml (searched on its own) still knows "home".
      const hidden = await loadSettings({ cloud: 'home' }, io({}));
      expect(hidden.projectId).toBeUndefined();
      expect(hidden.token?.value).toBe('tok-secure');
      await expect(loadSettings({ cloud: 'etc' }, io({}))).rejects.toThrow(
        /--cloud: no cloud "etc" in .*cwd\/clouds.yaml/,
      );
    } finally {
      await rm(local);
    }
  });

  it('falls back to /etc/openstack', async () => {
    await rm(join(home, '.config/openstack/clouds.yaml'));
    try {
      expect((await loadSettings({ cloud: 'etc' }, io({}))).projectId?.value).toBe('p-etc');
    } finally {
      await writeFile(
        join(home, '.config/openstack/clouds.yaml'),
        'clouds:\n  home:\n    region_name: eu-de\n    auth:\n      project_id: p-home\n      token: tok-home\n',
      );
    }
  });

  it('honours OS_CLIENT_CONFIG_FILE', async () => {
    const s = await loadSettings(
      {},
      io({ OS_CLOUD: 'custom', OS_CLIENT_CONFIG_FILE: join(root, 'custom.yaml') }),
    );
    expect(s.endpoint).toEqual({
      value: 'http://custom',
      source: `${join(root, 'custom.yaml')} (cloud custom)`,
    });
  });

  it('reports a broken file with its path', async () => {
    await expect(
      loadSettings({}, io({ OS_CLOUD: 'x', OS_CLIENT_CONFIG_FILE: join(root, 'broken.yaml') })),
    ).rejects.toThrow(/broken.yaml: is not valid YAML/);
  });

  it('says where it looked when no clouds.yaml exists', async () => {
    const bare = memoryIo({
      env: { OS_CLOUD: 'x' },
      cwd: root,
      home: join(root, 'none'),
      systemConfigDir: join(root, 'none'),
    });
    await expect(loadSettings({}, bare)).rejects.toThrow(
      /^OS_CLOUD: no clouds.yaml found for cloud "x" \(looked in /,
    );
  });
});
