import { keystoneProjectsResponseSchema, keystoneTokenResponseSchema } from '@csbs-kit/models';
import { signRequest } from '@csbs-kit/models/signing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatorData, type RunningEmulator, startEmulator } from '../src/index.js';
import { fixtureData, keys, projectA, projectB, tokens, userA } from './fixture.js';
import { call, get, ids, postJson } from './http.js';

// Keystone v3 as keystoneauth/openstacksdk, gophertelekomcloud and the Huawei SDKs call it.
const admin = { name: 'root', password: 'pw-root', domain: 'dom-a' } as const;

function data(): EmulatorData {
  const base = fixtureData();
  base.users = [
    ...(base.users ?? []),
    {
      name: admin.name,
      password: admin.password,
      domain_name: admin.domain,
      project_id: projectA,
      admin: true,
    },
  ];
  return base;
}

let emu: RunningEmulator;
let clock = new Date('2026-03-01T12:00:00Z');
beforeAll(async () => {
  emu = await startEmulator({ data: data(), now: () => clock, tokenTtlSeconds: 3600 });
});
afterAll(() => emu.close());

const passwordBody = (
  user: { name: string; password: string; domain: string } = userA,
  scope?: Record<string, unknown>,
) => ({
  auth: {
    identity: {
      methods: ['password'],
      password: { user: { name: user.name, password: user.password, domain: { name: user.domain } } },
    },
    ...(scope === undefined ? {} : { scope }),
  },
});

async function issue(body: unknown, headers: Record<string, string> = {}) {
  const res = await call(`${emu.url}/v3/auth/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { ...res, token: res.headers.get('x-subject-token') ?? '' };
}

type TokenBody = ReturnType<typeof keystoneTokenResponseSchema.parse>;
const tokenOf = (body: unknown): TokenBody['token'] => keystoneTokenResponseSchema.parse(body).token;

describe('version discovery', () => {
  it('GET / lists v3 with a self link (300, as Keystone answers)', async () => {
    const res = await get(`${emu.url}/`);
    expect(res.status).toBe(300);
    expect(res.body).toMatchObject({
      versions: {
        values: [
          {
            id: expect.stringMatching(/^v3\./),
            status: 'stable',
            links: [{ rel: 'self', href: `${emu.url}/v3/` }],
          },
        ],
      },
    });
  });

  it('GET /v3 and /v3/ describe v3', async () => {
    for (const path of ['/v3', '/v3/']) {
      const res = await get(`${emu.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        version: { status: 'stable', links: [{ rel: 'self', href: `${emu.url}/v3/` }] },
      });
    }
  });
});

describe('POST /v3/auth/tokens', () => {
  it('answers a password token with catalog, project, user, roles, methods and times', async () => {
    const res = await issue(passwordBody(userA, { project: { id: projectA } }));
    expect(res.status).toBe(201);
    const token = tokenOf(res.body);
    expect(token).toMatchObject({
      methods: ['password'],
      issued_at: '2026-03-01T12:00:00.000Z',
      expires_at: '2026-03-01T13:00:00.000Z',
      project: {
        id: projectA,
        name: userA.projectName,
        domain: { name: userA.domain, id: expect.any(String) },
      },
      user: { name: userA.name, id: expect.stringMatching(/^[0-9a-f]{32}$/), domain: { name: userA.domain } },
      roles: [{ name: 'te_admin' }],
    });
    const csbs = token.catalog?.find((entry) => entry.type === 'data-protect');
    expect(csbs).toMatchObject({
      name: 'csbs',
      endpoints: [
        { interface: 'public', region: 'eu-de', region_id: 'eu-de', url: `${emu.url}/v1/${projectA}` },
      ],
    });
    expect(token.catalog?.find((entry) => entry.type === 'identity')?.endpoints[0]?.url).toBe(
      `${emu.url}/v3`,
    );
    // The catalog endpoint is where the backups are, for this token.
    const listing = await get(`${csbs?.endpoints[0]?.url}/checkpoint_items?limit=2`, res.token);
    expect(listing.status).toBe(200);
    expect(ids(listing.body)).toHaveLength(2);
  });

  it('scopes by project name and domain, by the user id, or to the own project without a scope', async () => {
    const byName = await issue(
      passwordBody(userA, { project: { name: userA.projectName, domain: { name: userA.domain } } }),
    );
    expect(tokenOf(byName.body).project?.id).toBe(projectA);
    const userId = tokenOf(byName.body).user?.id ?? '';
    const byId = await issue({
      auth: {
        identity: { methods: ['password'], password: { user: { id: userId, password: userA.password } } },
        scope: { project: { id: projectA } },
      },
    });
    expect(byId.status).toBe(201);
    const unscoped = await issue(passwordBody(userA));
    expect(tokenOf(unscoped.body).project?.id).toBe(projectA);
  });

  it('re-scopes a token with the token method, by body or by X-Auth-Token, never past its expiry', async () => {
    const first = await issue(passwordBody(userA, { project: { id: projectA } }));
    clock = new Date('2026-03-01T12:30:00Z');
    try {
      const inBody = await issue({
        auth: {
          identity: { methods: ['token'], token: { id: first.token } },
          scope: { project: { id: projectA } },
        },
      });
      expect(inBody.status).toBe(201);
      expect(tokenOf(inBody.body)).toMatchObject({
        methods: ['token'],
        expires_at: '2026-03-01T13:00:00.000Z',
      });
      expect(inBody.token).not.toBe(first.token);
      const inHeader = await issue(
        {
          auth: {
            identity: { methods: ['token'], token: {} },
            scope: { project: { name: userA.projectName } },
          },
        },
        { 'X-Auth-Token': first.token },
      );
      expect(inHeader.status).toBe(201);
      expect((await get(`${emu.url}/v1/${projectA}/checkpoint_items`, inHeader.token)).status).toBe(200);
    } finally {
      clock = new Date('2026-03-01T12:00:00Z');
    }
    const unknown = await issue({ auth: { identity: { methods: ['token'], token: { id: 'nope' } } } });
    expect(unknown.status).toBe(401);
    expect(unknown.body).toMatchObject({ error: { code: 401 } });
  });

  it('lets an administrator scope to any project, and a user only to its own', async () => {
    const other = await issue(passwordBody(admin, { project: { id: projectB } }));
    expect(other.status).toBe(201);
    expect(tokenOf(other.body).roles?.[0]?.name).toBe('admin');
    expect(tokenOf(other.body).catalog?.[0]?.endpoints[0]?.url).toBe(`${emu.url}/v1/${projectB}`);
    expect((await get(`${emu.url}/v1/${projectB}/checkpoint_items`, other.token)).status).toBe(200);
    const refused = await issue(passwordBody(userA, { project: { id: projectB } }));
    expect(refused.status).toBe(401);
  });

  it('answers malformed and wrong requests in IAM shape, naming the field', async () => {
    const wrong = await issue(passwordBody({ ...userA, password: 'nope' }));
    expect(wrong).toMatchObject({ status: 401, token: '' });
    const noDomain = await issue({
      auth: { identity: { methods: ['password'], password: { user: { name: 'alice', password: 'x' } } } },
    });
    expect(noDomain.status).toBe(400);
    expect(JSON.stringify(noDomain.body)).toContain('auth.identity.password.user');
    const method = await issue({ auth: { identity: { methods: ['totp'] } } });
    expect(method.status).toBe(400);
    expect(JSON.stringify(method.body)).toContain('auth.identity.methods');
    const domainScope = await issue(passwordBody(userA, { domain: { name: userA.domain } }));
    expect(domainScope.status).toBe(400);
  });

  it('puts the emulator region into the catalog', async () => {
    await using other = await startEmulator({ data: data(), region: 'eu-nl' });
    const res = await call(`${other.url}/v3/auth/tokens`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(passwordBody()),
    });
    expect(tokenOf(res.body).catalog?.[0]?.endpoints[0]).toMatchObject({
      region: 'eu-nl',
      region_id: 'eu-nl',
    });
    await expect(startEmulator({ region: 'EU DE' })).rejects.toThrow('region must look like eu-de');
  });
});

describe('GET and HEAD /v3/auth/tokens', () => {
  const validate = (subject: string, caller: string, method = 'GET', query = '') =>
    call(`${emu.url}/v3/auth/tokens${query}`, {
      method,
      headers: { 'X-Auth-Token': caller, 'X-Subject-Token': subject },
    });

  it('answers the same body for a valid token, with or without a catalog', async () => {
    const issued = await issue(passwordBody(userA, { project: { id: projectA } }));
    const res = await validate(issued.token, issued.token);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(issued.body);
    expect(res.headers.get('x-subject-token')).toBe(issued.token);
    const bare = await validate(issued.token, issued.token, 'GET', '?nocatalog');
    expect(tokenOf(bare.body).catalog).toBeUndefined();
    const head = await validate(issued.token, issued.token, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.text).toBe('');
  });

  it('validates a token of the data file (gophertelekomcloud given a token calls this)', async () => {
    const res = await validate(tokens.b, tokens.b);
    expect(res.status).toBe(200);
    const token = tokenOf(res.body);
    expect(token.project?.id).toBe(projectB);
    expect(token.catalog?.[0]?.endpoints[0]?.url).toBe(`${emu.url}/v1/${projectB}`);
  });

  it('is 404 for an unknown or expired subject and 401 for an unknown caller', async () => {
    expect((await validate('nope', tokens.a)).status).toBe(404);
    expect((await validate('nope', tokens.a, 'HEAD')).status).toBe(404);
    const issued = await issue(passwordBody());
    clock = new Date('2026-03-01T13:00:00Z');
    try {
      expect((await validate(issued.token, tokens.a)).status).toBe(404);
    } finally {
      clock = new Date('2026-03-01T12:00:00Z');
    }
    const stranger = await validate(tokens.a, 'nope');
    expect(stranger.status).toBe(401);
    expect(stranger.body).toMatchObject({ error: { code: 401 } });
  });
});

describe('GET /v3/auth/projects and /v3/auth/catalog', () => {
  const projectsOf = async (headers: Record<string, string>) => {
    const res = await call(`${emu.url}/v3/auth/projects`, { headers });
    expect(res.status).toBe(200);
    return keystoneProjectsResponseSchema.parse(res.body).projects.map((p) => [p.id, p.name]);
  };

  it("lists a user's own project, and every project for an administrator", async () => {
    const user = await issue(passwordBody());
    expect(await projectsOf({ 'X-Auth-Token': user.token })).toEqual([[projectA, userA.projectName]]);
    const root = await issue(passwordBody(admin));
    expect((await projectsOf({ 'X-Auth-Token': root.token })).sort()).toEqual([
      [projectA, userA.projectName],
      [projectB, projectB],
    ]);
    expect(await projectsOf({ 'X-Auth-Token': tokens.b })).toEqual([[projectB, projectB]]);
    expect((await projectsOf({ 'X-Auth-Token': tokens.admin })).length).toBe(2);
  });

  it('takes an AK/SK signature as well, and refuses no credentials', async () => {
    const url = `${emu.url}/v3/auth/projects`;
    const headers = signRequest({ method: 'GET', url, headers: {} }, keys.a, { date: clock });
    delete headers.Host;
    expect(await projectsOf(headers)).toEqual([[projectA, userA.projectName]]);
    const anonymous = await get(url);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({ error: { code: 401 } });
  });

  it('answers the catalog of the caller (gophertelekomcloud with AK/SK reads it)', async () => {
    const res = await get(`${emu.url}/v3/auth/catalog`, tokens.b);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      catalog: [
        { type: 'data-protect', endpoints: [{ url: `${emu.url}/v1/${projectB}` }] },
        { type: 'identity' },
      ],
    });
  });
});

describe('request ids and the log', () => {
  it('sends X-Openstack-Request-Id equal to X-Request-Id on IAM, CSBS and error answers', async () => {
    for (const res of [
      await get(`${emu.url}/v3`),
      await issue(passwordBody()),
      await get(`${emu.url}/v1/${projectA}/checkpoint_items`, tokens.a),
      await get(`${emu.url}/v1/${projectA}/checkpoint_items`),
      await postJson(`${emu.url}/v3/auth/tokens`, '{'),
    ]) {
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.headers.get('x-openstack-request-id')).toBe(res.headers.get('x-request-id'));
    }
  });

  it('keeps the token of the token method out of the request log', async () => {
    const first = await issue(passwordBody());
    await issue({ auth: { identity: { methods: ['token'], token: { id: first.token } } } });
    const log = JSON.stringify(emu.requestLog());
    expect(log).not.toContain(first.token);
    expect(log).toContain('"methods":["token"]');
  });
});
