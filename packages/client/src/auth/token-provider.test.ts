import { describe, expect, it } from 'vitest';
import { iamTokensUrl, keystonePasswordBody } from './keystone.js';
import { renewBeforeMs, TokenProvider } from './token-provider.js';

const hour = 3_600_000;

function fakeIam(now: () => number) {
  let issued = 0;
  const fetches: AbortSignal[] = [];
  let release: (() => void) | undefined;
  let gate: Promise<void> | undefined;
  return {
    get issued() {
      return issued;
    },
    fetches,
    hold() {
      gate = new Promise((r) => {
        release = r;
      });
    },
    release: () => release?.(),
    fetch: async (signal: AbortSignal) => {
      fetches.push(signal);
      if (gate !== undefined) await gate;
      issued++;
      return { token: `tok-${issued}`, expiresAt: now() + 24 * hour };
    },
  };
}

describe('TokenProvider', () => {
  it('caches the token until 5 minutes before expiry', async () => {
    let now = 1_000_000;
    const iam = fakeIam(() => now);
    const provider = new TokenProvider(iam.fetch, () => now);
    expect(await provider.getToken()).toBe('tok-1');
    now += 24 * hour - renewBeforeMs - 1;
    expect(await provider.getToken()).toBe('tok-1');
    now += 1;
    expect(await provider.getToken()).toBe('tok-2');
    expect(iam.issued).toBe(2);
  });

  it('shares one in-flight request between concurrent callers', async () => {
    const now = 0;
    const iam = fakeIam(() => now);
    const provider = new TokenProvider(iam.fetch, () => now);
    iam.hold();
    const all = Promise.all([provider.getToken(), provider.getToken(), provider.getToken()]);
    iam.release();
    expect(await all).toEqual(['tok-1', 'tok-1', 'tok-1']);
    expect(iam.fetches).toHaveLength(1);
  });

  it('invalidates only the token that failed', async () => {
    const now = 0;
    const iam = fakeIam(() => now);
    const provider = new TokenProvider(iam.fetch, () => now);
    const first = await provider.getToken();
    provider.invalidate('some-older-token');
    expect(await provider.getToken()).toBe(first);
    provider.invalidate(first);
    expect(await provider.getToken()).toBe('tok-2');
  });

  it("one caller's abort does not cancel the shared request for the others", async () => {
    const now = 0;
    const iam = fakeIam(() => now);
    const provider = new TokenProvider(iam.fetch, () => now);
    iam.hold();
    const controller = new AbortController();
    const aborted = provider.getToken(controller.signal);
    const other = provider.getToken();
    controller.abort(new Error('caller gave up'));
    await expect(aborted).rejects.toThrow('caller gave up');
    iam.release();
    expect(await other).toBe('tok-1');
    expect(iam.fetches[0]?.aborted).toBe(false);
  });

  it('a failed request is not cached; the next call tries again', async () => {
    let fail = true;
    const provider = new TokenProvider(async () => {
      if (fail) throw new Error('iam down');
      return { token: 't', expiresAt: Date.now() + hour };
    });
    await expect(provider.getToken()).rejects.toThrow('iam down');
    fail = false;
    expect(await provider.getToken()).toBe('t');
  });
});

describe('keystone', () => {
  it.each([
    ['https://iam.example.com', 'https://iam.example.com/v3/auth/tokens'],
    ['https://iam.example.com/', 'https://iam.example.com/v3/auth/tokens'],
    ['https://iam.example.com/v3', 'https://iam.example.com/v3/auth/tokens'],
    ['https://iam.example.com/v3/', 'https://iam.example.com/v3/auth/tokens'],
    ['http://127.0.0.1:9/prefix', 'http://127.0.0.1:9/prefix/v3/auth/tokens'],
  ])('%s → %s', (authUrl, expected) => {
    expect(iamTokensUrl(authUrl)).toBe(expected);
  });

  it('scopes by project id, or by name within the domain', () => {
    const creds = { authUrl: 'x', username: 'u', password: 'p', domainName: 'd' };
    expect(JSON.parse(keystonePasswordBody(creds, 'pid'))).toEqual({
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: 'u', password: 'p', domain: { name: 'd' } } },
        },
        scope: { project: { id: 'pid' } },
      },
    });
    expect(JSON.parse(keystonePasswordBody({ ...creds, projectName: 'eu-de_x' }, 'pid')).auth.scope).toEqual({
      project: { name: 'eu-de_x', domain: { name: 'd' } },
    });
  });
});
