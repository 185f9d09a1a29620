import { describe, expect, it } from 'vitest';
import { CliConfigError } from '../errors.js';
import { cloudSettings, cloudsSearchPath, mergeMappings } from './clouds-yaml.js';

const clouds = {
  path: '/home/u/.config/openstack/clouds.yaml',
  content: {
    clouds: {
      prod: {
        region_name: 'eu-de',
        csbs_endpoint: 'http://127.0.0.1:9',
        auth: {
          auth_url: 'https://iam.eu-de.otc.t-systems.com/v3',
          username: 'alice',
          project_id: 'p1',
          project_name: 'eu-de_prod',
          user_domain_name: 'OTC-EU-DE-0001',
        },
      },
      keys: { auth: { ak: 'AK1', sk: 'SK1', project_id: 'p2' } },
    },
  },
};
const secure = {
  path: '/home/u/.config/openstack/secure.yaml',
  content: { clouds: { prod: { auth: { password: 'pw-from-secure', username: 'bob' } } } },
};

describe('cloudSettings', () => {
  it('maps clouds.yaml keys to settings, each with its file as source', () => {
    const s = cloudSettings('prod', clouds, undefined);
    const source = `${clouds.path} (cloud prod)`;
    expect(s).toEqual({
      region: { value: 'eu-de', source },
      endpoint: { value: 'http://127.0.0.1:9', source },
      authUrl: { value: 'https://iam.eu-de.otc.t-systems.com/v3', source },
      username: { value: 'alice', source },
      projectId: { value: 'p1', source },
      projectName: { value: 'eu-de_prod', source },
      domainName: { value: 'OTC-EU-DE-0001', source },
    });
  });

  it('merges secure.yaml over clouds.yaml', () => {
    const s = cloudSettings('prod', clouds, secure);
    expect(s.password).toEqual({ value: 'pw-from-secure', source: `${secure.path} (cloud prod)` });
    expect(s.username).toEqual({ value: 'bob', source: `${secure.path} (cloud prod)` });
    expect(s.region?.value).toBe('eu-de');
  });

  it('reads the short ak/sk spellings', () => {
    const s = cloudSettings('keys', clouds, secure);
    expect([s.accessKey?.value, s.secretKey?.value, s.projectId?.value]).toEqual(['AK1', 'SK1', 'p2']);
  });

  it('prefers access_key over ak within one file', () => {
    const doc = {
      path: '/c.yaml',
      content: { clouds: { x: { auth: { ak: 'short', access_key: 'long' } } } },
    };
    expect(cloudSettings('x', doc, undefined).accessKey?.value).toBe('long');
  });

  it('names the known clouds when the one asked for is missing', () => {
    expect(() => cloudSettings('nope', clouds, undefined, 'env OS_CLOUD')).toThrow(
      `env OS_CLOUD: no cloud "nope" in ${clouds.path} (clouds: prod, keys)`,
    );
    expect(() => cloudSettings('nope', clouds, undefined)).toThrow(CliConfigError);
  });

  it('refuses a file that is not a mapping', () => {
    expect(() => cloudSettings('a', { path: '/c.yaml', content: ['x'] }, undefined)).toThrow(
      /c.yaml: must be a mapping/,
    );
  });
});

describe('mergeMappings', () => {
  it('merges nested mappings and lets the overlay win', () => {
    expect(mergeMappings({ a: { b: 1, c: 2 }, d: 1 }, { a: { c: 3 }, e: 4 })).toEqual({
      a: { b: 1, c: 3 },
      d: 1,
      e: 4,
    });
  });
});

describe('cloudsSearchPath', () => {
  it('searches the current folder, ~/.config/openstack and /etc/openstack, in that order', () => {
    const path = cloudsSearchPath({
      env: {},
      cwd: '/work',
      home: '/home/u',
      systemConfigDir: '/etc/openstack',
    });
    expect(path.clouds).toEqual([
      '/work/clouds.yaml',
      '/work/clouds.yml',
      '/home/u/.config/openstack/clouds.yaml',
      '/home/u/.config/openstack/clouds.yml',
      '/etc/openstack/clouds.yaml',
      '/etc/openstack/clouds.yml',
    ]);
    expect(path.secure[0]).toBe('/work/secure.yaml');
  });

  it('puts OS_CLIENT_CONFIG_FILE and OS_CLIENT_SECURE_FILE first', () => {
    const path = cloudsSearchPath({
      env: { OS_CLIENT_CONFIG_FILE: '/x/my.yaml', OS_CLIENT_SECURE_FILE: '/x/s.yaml' },
      cwd: '/work',
      home: undefined,
      systemConfigDir: '/etc/openstack',
    });
    expect(path.clouds[0]).toBe('/x/my.yaml');
    expect(path.secure[0]).toBe('/x/s.yaml');
    expect(path.clouds).not.toContain('undefined/.config/openstack/clouds.yaml');
  });
});
