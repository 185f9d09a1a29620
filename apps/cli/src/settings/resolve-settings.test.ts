import { describe, expect, it } from 'vitest';
import { resolveCloudName, resolveSettings } from './resolve-settings.js';

const cloud = {
  projectId: { value: 'p-cloud', source: 'clouds.yaml (cloud a)' },
  region: { value: 'eu-de', source: 'clouds.yaml (cloud a)' },
  endpoint: { value: 'http://cloud', source: 'clouds.yaml (cloud a)' },
};

describe('resolveSettings precedence', () => {
  it.each([
    // [what, flags, env, expected projectId value, expected source]
    [
      'flag beats env and cloud',
      { projectId: 'p-flag' },
      { OS_PROJECT_ID: 'p-env' },
      'p-flag',
      'flag --project-id',
    ],
    ['env beats cloud', {}, { OS_PROJECT_ID: 'p-env' }, 'p-env', 'env OS_PROJECT_ID'],
    [
      'HUAWEICLOUD_SDK_PROJECT_ID beats its OS_ twin',
      {},
      { OS_PROJECT_ID: 'p-os', HUAWEICLOUD_SDK_PROJECT_ID: 'p-hw' },
      'p-hw',
      'env HUAWEICLOUD_SDK_PROJECT_ID',
    ],
    ['cloud when nothing else', {}, {}, 'p-cloud', 'clouds.yaml (cloud a)'],
    ['an empty env value counts as unset', {}, { OS_PROJECT_ID: '' }, 'p-cloud', 'clouds.yaml (cloud a)'],
    [
      'an empty flag counts as unset',
      { projectId: '' },
      { OS_PROJECT_ID: 'p-env' },
      'p-env',
      'env OS_PROJECT_ID',
    ],
  ])('%s', (_what, flags, env, value, source) => {
    const settings = resolveSettings({ flags, env, cloud });
    expect(settings.projectId).toEqual({ value, source });
  });

  it('resolves each setting on its own', () => {
    const settings = resolveSettings({
      flags: { endpoint: 'http://flag' },
      env: { OS_REGION_NAME: 'eu-nl', OS_AUTH_TOKEN: 't' },
      cloud,
    });
    expect(settings.endpoint).toEqual({ value: 'http://flag', source: 'flag --endpoint' });
    expect(settings.region).toEqual({ value: 'eu-nl', source: 'env OS_REGION_NAME' });
    expect(settings.projectId?.source).toBe('clouds.yaml (cloud a)');
    expect(settings.token).toEqual({ value: 't', source: 'env OS_AUTH_TOKEN' });
    expect(settings.password).toBeUndefined();
  });

  it('reads every documented environment name', () => {
    const env = {
      HUAWEICLOUD_SDK_AK: 'ak',
      HUAWEICLOUD_SDK_SK: 'sk',
      HUAWEICLOUD_SDK_SECURITY_TOKEN: 'st',
      OS_AUTH_URL: 'http://iam/v3',
      OS_USERNAME: 'u',
      OS_PASSWORD: 'pw',
      OS_USER_DOMAIN_NAME: 'd',
      OS_PROJECT_NAME: 'pn',
      CSBS_ENDPOINT: 'http://e',
      CSBS_TIMEOUT: '5s',
      OS_CLOUD: 'c',
    };
    const s = resolveSettings({ flags: {}, env });
    expect([s.accessKey?.value, s.secretKey?.value, s.securityToken?.value]).toEqual(['ak', 'sk', 'st']);
    expect([
      s.authUrl?.value,
      s.username?.value,
      s.password?.value,
      s.domainName?.value,
      s.projectName?.value,
    ]).toEqual(['http://iam/v3', 'u', 'pw', 'd', 'pn']);
    expect([s.endpoint?.value, s.timeout?.value, s.cloud?.value]).toEqual(['http://e', '5s', 'c']);
  });

  it('reads the OS_ twins of the key pair', () => {
    const s = resolveSettings({
      flags: {},
      env: { OS_ACCESS_KEY: 'ak', OS_SECRET_KEY: 'sk', OS_SECURITY_TOKEN: 'st' },
    });
    expect(s.accessKey).toEqual({ value: 'ak', source: 'env OS_ACCESS_KEY' });
    expect(s.secretKey).toEqual({ value: 'sk', source: 'env OS_SECRET_KEY' });
    expect(s.securityToken).toEqual({ value: 'st', source: 'env OS_SECURITY_TOKEN' });
  });
});

describe('resolveCloudName', () => {
  it('takes --cloud over OS_CLOUD', () => {
    expect(resolveCloudName({ flags: { cloud: 'a' }, env: { OS_CLOUD: 'b' } })).toEqual({
      value: 'a',
      source: 'flag --cloud',
    });
    expect(resolveCloudName({ flags: {}, env: { OS_CLOUD: 'b' } })).toEqual({
      value: 'b',
      source: 'env OS_CLOUD',
    });
    expect(resolveCloudName({ flags: {}, env: {} })).toBeUndefined();
  });
});
