import { formatSdkDate, signRequest } from '@csbs-kit/models/signing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../src/index.js';
import { fixtureData, keys, projectA, projectB, tokens, userA } from './fixture.js';
import { call, errorOf, get, ids, postJson } from './http.js';

let emu: RunningEmulator;
let clock = new Date('2026-03-01T12:00:00Z');
const listPath = `/v1/${projectA}/checkpoint_items`;

beforeAll(async () => {
  emu = await startEmulator({ data: fixtureData(), now: () => clock, tokenTtlSeconds: 3600 });
});
afterAll(() => emu.close());

interface SignedCall {
  method?: string;
  path?: string;
  body?: string;
  credentials?: { accessKey: string; secretKey: string; securityToken?: string };
  date?: Date;
  tamper?: (headers: Record<string, string>) => void;
}

/** Signs with the models signer (the algorithm of docs/api.md) and sends over a real socket. */
function signedCall(options: SignedCall = {}) {
  const { method = 'GET', path = `${listPath}?limit=2&sort=name:asc`, body } = options;
  const url = `${emu.url}${path}`;
  const headers = signRequest(
    { method, url, headers: body === undefined ? {} : { 'Content-Type': 'application/json' }, body },
    options.credentials ?? keys.a,
    { projectId: projectA, date: options.date ?? clock },
  );
  delete headers.Host;
  options.tamper?.(headers);
  return call(url, { method, headers, body: body ?? null });
}

function expect401(res: { status: number; body: unknown }, fragment: string): void {
  expect(res.status).toBe(401);
  expect(errorOf(res.body).error_code).toBe('APIGW.0301');
  expect(errorOf(res.body).error_msg).toContain(fragment);
}

describe('token authentication', () => {
  it('refuses a request without credentials, and an unknown token', async () => {
    expect401(await get(`${emu.url}${listPath}`), 'no credentials');
    const res = await get(`${emu.url}${listPath}`, 'not-a-token');
    expect401(res, 'token is not valid');
    expect(res.text).not.toContain('not-a-token');
  });

  it('keeps projects apart: a credential works only for its own project', async () => {
    const res = await get(`${emu.url}${listPath}`, tokens.b);
    expect(res.status).toBe(403);
    expect(errorOf(res.body).error_code).toBe('CSBS.9002');
    expect(ids((await get(`${emu.url}/v1/${projectB}/checkpoint_items`, tokens.b)).body)).toEqual([
      'b02',
      'b01',
    ]);
    const tagQuery = await postJson(
      `${emu.url}/v1/${projectA}/csbs_backup/resource_instances/action`,
      { action: 'count' },
      tokens.b,
    );
    expect(tagQuery.status).toBe(403);
  });

  it('authenticates before it validates', async () => {
    const res = await postJson(
      `${emu.url}/v1/${projectA}/csbs_backup/resource_instances/action`,
      '{bad json',
    );
    expect(res.status).toBe(401);
    const foreign = await get(`${emu.url}${listPath}?limit=0`, tokens.b);
    expect(foreign.status).toBe(403);
  });
});

describe('AK/SK signature', () => {
  it('accepts a GET and a POST signed with a known key pair', async () => {
    const list = await signedCall();
    expect(list.status).toBe(200);
    expect(ids(list.body)).toEqual(['a10', 'a02']);
    const post = await signedCall({
      method: 'POST',
      path: `/v1/${projectA}/csbs_backup/resource_instances/action`,
      body: JSON.stringify({ action: 'count', tags: [{ key: 'env', values: ['prod'] }] }),
    });
    expect(post.status).toBe(200);
    expect(post.body).toEqual({ total_count: 3 });
  });

  it('accepts a date up to 15 minutes away and refuses one further', async () => {
    const near = new Date(clock.getTime() - 14 * 60 * 1000);
    expect((await signedCall({ date: near })).status).toBe(200);
    const ahead = new Date(clock.getTime() + 14 * 60 * 1000);
    expect((await signedCall({ date: ahead })).status).toBe(200);
    const stale = new Date(clock.getTime() - 16 * 60 * 1000);
    expect401(await signedCall({ date: stale }), '15 minutes');
  });

  it('refuses a wrong secret key, an unknown access key and a tampered request', async () => {
    expect401(
      await signedCall({ credentials: { accessKey: keys.a.accessKey, secretKey: 'wrong' } }),
      'signature does not match',
    );
    const unknown = await signedCall({ credentials: { accessKey: 'UNKNOWNAK', secretKey: 'x' } });
    expect401(unknown, 'access key is not known');
    expect(unknown.text).not.toContain('UNKNOWNAK');
    const url = `${emu.url}${listPath}?limit=2`;
    const headers = signRequest({ method: 'GET', url, headers: {} }, keys.a, { date: clock });
    delete headers.Host;
    expect((await call(url, { headers })).status).toBe(200);
    expect401(await call(`${url}0`, { headers }), 'signature does not match');
    const body = JSON.stringify({ action: 'count' });
    const path = `/v1/${projectA}/csbs_backup/resource_instances/action`;
    const tampered = await signedCall({
      method: 'POST',
      path,
      body,
      tamper: (h) => {
        h['X-Sdk-Date'] = formatSdkDate(new Date(clock.getTime() + 1000));
      },
    });
    expect401(tampered, 'signature does not match');
  });

  it('requires x-sdk-date among the signed headers and a readable Authorization', async () => {
    const res = await signedCall({
      tamper: (h) => {
        h.Authorization = h.Authorization!.replace(/SignedHeaders=[^,]+/, 'SignedHeaders=host');
      },
    });
    expect401(res, 'x-sdk-date must be a signed header');
    expect401(
      await signedCall({
        tamper: (h) => {
          h.Authorization = 'Basic abc';
        },
      }),
      'Authorization is not',
    );
    expect401(
      await signedCall({
        tamper: (h) => {
          h['X-Sdk-Date'] = '2026-03-01';
        },
      }),
      'YYYYMMDDTHHMMSSZ',
    );
  });

  it('checks X-Security-Token of temporary credentials', async () => {
    expect((await signedCall({ credentials: keys.temporary })).status).toBe(200);
    const { securityToken: _, ...withoutToken } = keys.temporary;
    expect401(await signedCall({ credentials: withoutToken }), 'need X-Security-Token');
    expect401(
      await signedCall({ credentials: { ...keys.temporary, securityToken: 'other-token' } }),
      'X-Security-Token does not belong',
    );
    const unsigned = await signedCall({
      tamper: (h) => {
        h['X-Security-Token'] = 'sec';
      },
    });
    expect401(unsigned, 'x-security-token must be a signed header');
  });
});

describe('IAM password tokens (POST /v3/auth/tokens)', () => {
  const body = (password: string, project: Record<string, unknown> = { id: projectA }) => ({
    auth: {
      identity: {
        methods: ['password'],
        password: { user: { name: userA.name, password, domain: { name: userA.domain } } },
      },
      scope: { project },
    },
  });

  it('issues a token that opens the project until it expires', async () => {
    const res = await postJson(`${emu.url}/v3/auth/tokens`, body(userA.password));
    expect(res.status).toBe(201);
    const token = res.headers.get('x-subject-token');
    expect(token).toBeTruthy();
    expect(res.body).toMatchObject({
      token: {
        expires_at: '2026-03-01T13:00:00.000Z',
        issued_at: '2026-03-01T12:00:00.000Z',
        project: { id: projectA, name: userA.projectName },
        user: { name: userA.name, domain: { name: userA.domain } },
      },
    });
    expect((await get(`${emu.url}${listPath}`, token!)).status).toBe(200);
    expect((await get(`${emu.url}/v1/${projectB}/checkpoint_items`, token!)).status).toBe(403);
    const saved = clock;
    clock = new Date(saved.getTime() + 3600 * 1000);
    try {
      expect401(await get(`${emu.url}${listPath}`, token!), 'expired');
    } finally {
      clock = saved;
    }
  });

  it('forgets issued tokens on reset', async () => {
    const res = await postJson(`${emu.url}/v3/auth/tokens`, body(userA.password));
    const token = res.headers.get('x-subject-token')!;
    expect((await get(`${emu.url}${listPath}`, token)).status).toBe(200);
    emu.reset();
    expect401(await get(`${emu.url}${listPath}`, token), 'token is not valid');
    expect((await get(`${emu.url}${listPath}`, tokens.a)).status).toBe(200);
  });

  it('scopes by project name too', async () => {
    const res = await postJson(
      `${emu.url}/v3/auth/tokens`,
      body(userA.password, { name: userA.projectName, domain: { name: userA.domain } }),
    );
    expect(res.status).toBe(201);
  });

  it('answers IAM-shaped errors', async () => {
    const wrong = await postJson(`${emu.url}/v3/auth/tokens`, body('nope'));
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ error: { code: 401, message: expect.any(String) } });
    expect(wrong.headers.get('x-subject-token')).toBeNull();
    expect((await postJson(`${emu.url}/v3/auth/tokens`, body(userA.password, { id: projectB }))).status).toBe(
      401,
    );
    const malformed = await postJson(`${emu.url}/v3/auth/tokens`, { auth: {} });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ error: { code: 400 } });
  });

  it('keeps passwords, tokens and signatures out of the request log', async () => {
    await postJson(`${emu.url}/v3/auth/tokens`, body(userA.password));
    await signedCall({ credentials: keys.temporary });
    await get(`${emu.url}${listPath}`, tokens.a);
    const log = emu.requestLog();
    const text = JSON.stringify(log);
    for (const secret of [
      userA.password,
      tokens.a,
      keys.temporary.securityToken,
      keys.a.secretKey,
      keys.temporary.secretKey,
    ]) {
      expect(text).not.toContain(secret);
    }
    const iam = log.find((e) => e.path === '/v3/auth/tokens' && e.status === 201)!;
    expect(iam.body).toMatchObject({
      auth: { identity: { password: { user: { name: userA.name, password: '[REDACTED]' } } } },
    });
    const signed = log.find((e) => e.headers['x-security-token'] !== undefined)!;
    expect(signed.headers.authorization).toBe('[REDACTED]');
    expect(signed.headers['x-security-token']).toBe('[REDACTED]');
    const viaHttp = await get(`${emu.url}/__emulator/requests`);
    expect(viaHttp.text).not.toContain(tokens.a);
    expect((viaHttp.body as { requests: unknown[] }).requests.length).toBe(log.length);
  });

  it('keeps the secrets of other identity methods out of the log (Keystone token, Huawei AK/SK)', async () => {
    const keystone = 'gAAAAA-keystone-token-secret-000000000001';
    const ak = 'HWAKSECRETACCESSKEY0001';
    const sk = 'hw-ak-sk-secret-key-value-000000000000001';
    await postJson(`${emu.url}/v3/auth/tokens`, {
      auth: {
        identity: { methods: ['token'], token: { id: keystone } },
        scope: { project: { id: projectA } },
      },
    });
    await postJson(`${emu.url}/v3/auth/tokens`, {
      auth: { identity: { methods: ['hw_ak_sk'], hw_ak_sk: { access: { key: ak }, secret: { key: sk } } } },
    });
    const viaHttp = await get(`${emu.url}/__emulator/requests`);
    for (const secret of [keystone, ak, sk]) expect(viaHttp.text).not.toContain(secret);
    expect(viaHttp.text).toContain('"methods":["token"]');
  });
});
