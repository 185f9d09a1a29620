import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { CsbsAuthenticationError, CsbsClient, CsbsError, type RequestSummary } from '../src/index.js';
import { type ReceivedRequest, sendJson, startServer, type TestServer } from './support/http-server.js';

const password = 'P@ssw0rd-SECRET';
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

interface Iam {
  server: TestServer;
  issued: string[];
  valid: Set<string>;
  tokenRequests: ReceivedRequest[];
  csbsRequests: ReceivedRequest[];
  /** Delay of the IAM answer, so concurrent callers overlap. */
  delayMs: number;
  expiresInMs: number;
}

/** IAM and CSBS on one test server: `/v3/auth/tokens` issues tokens; CSBS accepts only valid ones. */
async function startIamAndCsbs(prefix = ''): Promise<Iam> {
  const iam: Iam = {
    issued: [],
    valid: new Set(),
    tokenRequests: [],
    csbsRequests: [],
    delayMs: 0,
    expiresInMs: 24 * 3600_000,
  } as unknown as Iam;
  iam.server = await startServer(async (req, res) => {
    if (req.method === 'POST' && req.url === `${prefix}/v3/auth/tokens`) {
      iam.tokenRequests.push(req);
      const body = JSON.parse(req.body);
      const user = body.auth.identity.password.user;
      if (user.password !== password) {
        sendJson(res, 401, { error: { code: 'IAM.0001', message: 'The username or password is wrong.' } });
        return;
      }
      await new Promise((r) => setTimeout(r, iam.delayMs));
      const token = `tok-${iam.issued.length + 1}`;
      iam.issued.push(token);
      iam.valid.add(token);
      sendJson(
        res,
        201,
        {
          token: { expires_at: new Date(Date.now() + iam.expiresInMs).toISOString(), methods: ['password'] },
        },
        { 'X-Subject-Token': token },
      );
      return;
    }
    iam.csbsRequests.push(req);
    const sent = req.headers['x-auth-token'];
    if (typeof sent !== 'string' || !iam.valid.has(sent)) {
      sendJson(res, 401, { error_code: 'APIGW.0301', error_msg: 'token expired or invalid' });
      return;
    }
    sendJson(res, 200, { count: 42 });
  });
  cleanups.push(() => iam.server.close());
  return iam;
}

function passwordClient(iam: Iam, authUrl: string, extra: { projectName?: string; hooks?: object } = {}) {
  const c = new CsbsClient({
    projectId: 'proj-9',
    endpoint: iam.server.url,
    credentials: {
      password: {
        authUrl,
        username: 'alice',
        password,
        domainName: 'acme',
        ...(extra.projectName === undefined ? {} : { projectName: extra.projectName }),
      },
    },
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    ...(extra.hooks === undefined ? {} : { hooks: extra.hooks }),
  });
  cleanups.push(() => c.close());
  return c;
}

describe('password credentials', () => {
  it('gets a project-scoped token once and reuses it', async () => {
    const iam = await startIamAndCsbs();
    const c = passwordClient(iam, iam.server.url);
    expect(await c.countCheckpointItems()).toBe(42);
    expect(await c.countCheckpointItems()).toBe(42);
    expect(iam.tokenRequests).toHaveLength(1);
    const body = JSON.parse(iam.tokenRequests[0]!.body);
    expect(body.auth.identity).toEqual({
      methods: ['password'],
      password: { user: { name: 'alice', password, domain: { name: 'acme' } } },
    });
    expect(body.auth.scope).toEqual({ project: { id: 'proj-9' } });
    expect(iam.csbsRequests.map((r) => r.headers['x-auth-token'])).toEqual(['tok-1', 'tok-1']);
  });

  it('accepts an authUrl ending in /v3 and with a path prefix; scopes by project name', async () => {
    const iam = await startIamAndCsbs('/iam');
    const c = passwordClient(iam, `${iam.server.url}/iam/v3/`, { projectName: 'eu-de_demo' });
    expect(await c.countCheckpointItems()).toBe(42);
    expect(JSON.parse(iam.tokenRequests[0]!.body).auth.scope).toEqual({
      project: { name: 'eu-de_demo', domain: { name: 'acme' } },
    });
  });

  it('concurrent calls share one token request', async () => {
    const iam = await startIamAndCsbs();
    iam.delayMs = 100;
    const c = passwordClient(iam, iam.server.url);
    const counts = await Promise.all(Array.from({ length: 6 }, () => c.countCheckpointItems()));
    expect(counts).toEqual([42, 42, 42, 42, 42, 42]);
    expect(iam.tokenRequests).toHaveLength(1);
  });

  it('after a 401, renews the token once and repeats the call', async () => {
    const iam = await startIamAndCsbs();
    const retries: string[] = [];
    const c = passwordClient(iam, iam.server.url, {
      hooks: { onRetry: (s: { reason: string }) => retries.push(s.reason) },
    });
    expect(await c.countCheckpointItems()).toBe(42);
    iam.valid.clear(); // the service revokes the token
    expect(await c.countCheckpointItems()).toBe(42);
    expect(iam.issued).toEqual(['tok-1', 'tok-2']);
    expect(iam.csbsRequests.map((r) => r.headers['x-auth-token'])).toEqual(['tok-1', 'tok-1', 'tok-2']);
    expect(retries).toEqual(['token renewal']);
  });

  it('a second 401 right after renewal is final', async () => {
    const iam = await startIamAndCsbs();
    const c = passwordClient(iam, iam.server.url);
    iam.valid.add = () => iam.valid; // tokens are issued but never accepted
    await expect(c.countCheckpointItems()).rejects.toBeInstanceOf(CsbsAuthenticationError);
    expect(iam.tokenRequests).toHaveLength(2);
    expect(iam.csbsRequests).toHaveLength(2);
  });

  it('renews a token that is within 5 minutes of expiry before using it', async () => {
    const iam = await startIamAndCsbs();
    iam.expiresInMs = 4 * 60_000;
    const c = passwordClient(iam, iam.server.url);
    await c.countCheckpointItems();
    await c.countCheckpointItems();
    expect(iam.tokenRequests).toHaveLength(2);
    expect(iam.csbsRequests.map((r) => r.headers['x-auth-token'])).toEqual(['tok-1', 'tok-2']);
  });

  it('a wrong password is an authentication error that shows no secret', async () => {
    const iam = await startIamAndCsbs();
    const requests: RequestSummary[] = [];
    const c = new CsbsClient({
      projectId: 'proj-9',
      endpoint: iam.server.url,
      credentials: {
        password: {
          authUrl: iam.server.url,
          username: 'alice',
          password: 'WRONG-pw-SECRET',
          domainName: 'acme',
        },
      },
      hooks: { onRequest: (s) => requests.push(s) },
    });
    cleanups.push(() => c.close());
    const error = await c.countCheckpointItems().catch((e: unknown) => e);
    expect(CsbsAuthenticationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      status: 401,
      errorCode: 'IAM.0001',
      request: { method: 'POST', url: `${iam.server.url}/v3/auth/tokens` },
    });
    expect(iam.csbsRequests).toHaveLength(0);
    const shown = `${JSON.stringify(error)}${inspect(error, { depth: 10, showHidden: true })}${JSON.stringify(requests)}`;
    expect(shown).not.toContain('WRONG-pw-SECRET');
    expect(CsbsError.isInstance(error)).toBe(true);
  });

  it('an IAM answer without X-Subject-Token is a response validation error', async () => {
    const server = await startServer((_req, res) =>
      sendJson(res, 201, { token: { expires_at: '2099-01-01T00:00:00Z' } }),
    );
    cleanups.push(() => server.close());
    const c = new CsbsClient({
      projectId: 'p',
      endpoint: server.url,
      credentials: { password: { authUrl: server.url, username: 'u', password: 'x', domainName: 'd' } },
    });
    cleanups.push(() => c.close());
    await expect(c.countCheckpointItems()).rejects.toMatchObject({
      code: 'CSBS_RESPONSE_INVALID',
      issues: [{ path: 'X-Subject-Token' }],
    });
  });
});
