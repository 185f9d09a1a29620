import { describe, expect, it } from 'vitest';
import { clientSettingsFrom, cloudFor } from './client-options.js';
import { describeSettings } from './describe-settings.js';

const env = (value: string) => ({ value, source: 'env X' });

describe('cloudFor', () => {
  it('recognises Open Telekom Cloud by region or auth URL', () => {
    expect(cloudFor({ region: env('eu-de') })).toBe('otc');
    expect(cloudFor({ region: env('eu-nl') })).toBe('otc');
    expect(cloudFor({ authUrl: env('https://iam.eu-de.otc.t-systems.com/v3') })).toBe('otc');
    expect(cloudFor({ region: env('ap-southeast-1') })).toBe('huaweicloud');
    expect(cloudFor({})).toBe('huaweicloud');
  });
});

describe('clientSettingsFrom', () => {
  it('builds the client settings, timeout in ms', () => {
    expect(
      clientSettingsFrom({
        token: env('t'),
        projectId: env('p'),
        endpoint: env('http://e'),
        timeout: env('5s'),
      }),
    ).toEqual({
      projectId: 'p',
      endpoint: 'http://e',
      cloud: 'huaweicloud',
      credentials: { token: 't' },
      timeoutMs: 5000,
    });
    expect(clientSettingsFrom({ token: env('t'), projectId: env('p'), region: env('eu-de') })).toEqual({
      projectId: 'p',
      cloud: 'otc',
      region: 'eu-de',
      credentials: { token: 't' },
    });
  });

  it('names what is missing', () => {
    expect(() => clientSettingsFrom({ token: env('t'), endpoint: env('http://e') })).toThrow(
      /^project id: missing/,
    );
    expect(() => clientSettingsFrom({ token: env('t'), projectId: env('p') })).toThrow(/^endpoint: missing/);
  });

  it('needs no endpoint or region with password auth: the token catalog has it', () => {
    const password = {
      authUrl: env('http://127.0.0.1:1'),
      username: env('u'),
      password: env('pw'),
      domainName: env('d'),
      projectId: env('p'),
    };
    expect(clientSettingsFrom(password)).toMatchObject({ projectId: 'p', cloud: 'huaweicloud' });
    expect(clientSettingsFrom(password).endpoint).toBeUndefined();
  });
});

describe('describeSettings', () => {
  it('masks every secret and names the auth kind', () => {
    const rows = describeSettings({
      token: env('tok-123456'),
      accessKey: env('AK-123456'),
      secretKey: env('SK-123456'),
      securityToken: env('ST-123456'),
      password: env('PW-123456'),
      region: env('eu-de'),
    });
    expect(JSON.stringify(rows)).not.toMatch(/123456/);
    expect(rows.find((r) => r.setting === 'region')).toEqual({
      setting: 'region',
      value: 'eu-de',
      source: 'env X',
    });
    expect(rows.find((r) => r.setting === 'auth')).toEqual({
      setting: 'auth',
      value: 'token',
      source: 'env X',
    });
    expect(describeSettings({}).find((r) => r.setting === 'auth')).toEqual({
      setting: 'auth',
      value: 'none',
      source: 'no credentials set',
    });
    expect(rows.find((r) => r.setting === 'username')).toEqual({
      setting: 'username',
      value: '',
      source: 'not set',
    });
  });
});
