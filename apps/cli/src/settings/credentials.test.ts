import { describe, expect, it } from 'vitest';
import { CliUsageError } from '../errors.js';
import { chooseAuthKind, credentialsFrom, parseTimeout } from './credentials.js';
import type { Settings } from './resolve-settings.js';

const env = (value: string) => ({ value, source: 'env X' });
const file = (value: string) => ({ value, source: '/x/clouds.yaml (cloud a)' });

describe('credentialsFrom', () => {
  it('builds token credentials', () => {
    expect(credentialsFrom({ token: env('tok') })).toEqual({ token: 'tok' });
  });

  it('builds a key pair, with the security token when there is one', () => {
    expect(credentialsFrom({ accessKey: env('ak'), secretKey: env('sk') })).toEqual({
      accessKey: 'ak',
      secretKey: 'sk',
    });
    expect(credentialsFrom({ accessKey: env('ak'), secretKey: env('sk'), securityToken: env('st') })).toEqual(
      {
        accessKey: 'ak',
        secretKey: 'sk',
        securityToken: 'st',
      },
    );
  });

  it('builds password credentials', () => {
    const settings: Settings = {
      authUrl: env('http://iam/v3'),
      username: env('u'),
      password: env('pw'),
      domainName: env('d'),
      projectName: env('pn'),
    };
    expect(credentialsFrom(settings)).toEqual({
      password: {
        authUrl: 'http://iam/v3',
        username: 'u',
        password: 'pw',
        domainName: 'd',
        projectName: 'pn',
      },
    });
  });

  it('refuses a password without a domain, an AK without its SK, and nothing at all', () => {
    expect(() => credentialsFrom({ authUrl: env('a'), username: env('u'), password: env('p') })).toThrow(
      /domain name/,
    );
    expect(() => credentialsFrom({ accessKey: env('ak') })).toThrow(/secret key/);
    const error = (() => {
      try {
        credentialsFrom({});
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(CliUsageError);
    expect((error as CliUsageError).message).toMatch(/^credentials: none found: set OS_AUTH_TOKEN/);
    expect((error as CliUsageError).exitCode).toBe(2);
  });
});

describe('chooseAuthKind', () => {
  it('prefers the kind from the higher layer', () => {
    expect(chooseAuthKind({ token: file('t'), accessKey: env('ak'), secretKey: env('sk') })).toBe('aksk');
    expect(
      chooseAuthKind({ token: env('t'), authUrl: file('a'), username: file('u'), password: file('p') }),
    ).toBe('token');
  });

  it('within one layer, prefers token, then key pair, then password', () => {
    const all: Settings = {
      token: env('t'),
      accessKey: env('ak'),
      secretKey: env('sk'),
      authUrl: env('a'),
      username: env('u'),
      password: env('p'),
    };
    expect(chooseAuthKind(all)).toBe('token');
    const { token: _t, ...noToken } = all;
    expect(chooseAuthKind(noToken)).toBe('aksk');
    expect(chooseAuthKind({ authUrl: env('a'), username: env('u'), password: env('p') })).toBe('password');
    expect(chooseAuthKind({ username: env('u') })).toBeUndefined();
  });
});

describe('parseTimeout', () => {
  it.each([
    ['30', 30_000],
    ['30s', 30_000],
    ['500ms', 500],
    ['2m', 120_000],
    ['1.5s', 1500],
  ])('%s is %d ms', (text, ms) => {
    expect(parseTimeout(text)).toBe(ms);
  });

  it.each(['', 'soon', '-1', '10h', '0'])('refuses %j', (text) => {
    expect(() => parseTimeout(text)).toThrow(CliUsageError);
  });
});
