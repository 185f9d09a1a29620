import {
  type EmulatorData,
  generateEmulatorData,
  type RunningEmulator,
  startEmulator,
} from '@csbs-kit/emulator';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CsbsClient,
  type CsbsClientOptions,
  CsbsValidationError,
  type RequestSummary,
} from '../src/index.js';
import { sendJson, startServer } from './support/http-server.js';

// Password auth with no endpoint: the CSBS endpoint comes from the token's catalog, as the
// OpenStack tools find it. And listProjects against the emulator's IAM. Real sockets.
const root = { name: 'root', password: 'pw-root' };

let emulator: RunningEmulator;
let data: EmulatorData;
let demo: NonNullable<RunningEmulator['demo']>;
const clients: CsbsClient[] = [];

beforeAll(async () => {
  const generated = await startEmulator({ generate: { count: 40, seed: 5 } });
  demo = generated.demo!;
  await generated.close();
  data = generateEmulatorData({ count: 40, seed: 5 });
  data.users = [
    ...(data.users ?? []),
    {
      name: root.name,
      password: root.password,
      domain_name: demo.domainName,
      project_id: demo.projectId,
      admin: true,
    },
  ];
  emulator = await startEmulator({ data });
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await emulator.close();
});

function client(options: Partial<CsbsClientOptions> = {}): CsbsClient {
  const c = new CsbsClient({
    projectId: demo.projectId,
    credentials: {
      password: {
        authUrl: emulator.url,
        username: demo.username,
        password: demo.password,
        domainName: demo.domainName,
      },
    },
    ...options,
  });
  clients.push(c);
  return c;
}

describe('the CSBS endpoint from the catalog', () => {
  it('reaches the emulator with only the auth URL: no endpoint, no region', async () => {
    const urls: string[] = [];
    const c = client({ hooks: { onRequest: (s: RequestSummary) => void urls.push(s.url) } });
    expect(c.endpoint).toBeUndefined();
    const page = await c.listCheckpointItems({ limit: 5 });
    expect(page.checkpoint_items).toHaveLength(5);
    expect(c.endpoint).toBe(emulator.url);
    const all = [];
    for await (const item of c.paginateCheckpointItems({ limit: 15 })) all.push(item.id);
    expect(all).toHaveLength(40);
    expect(new Set(all).size).toBe(40);
    expect(await c.countCheckpointItems()).toBe(40);
    expect((await c.getCheckpointItem(all[0]!)).id).toBe(all[0]);
    expect(await c.countResources({ tags: [{ key: 'env', values: [] }] })).toBeGreaterThan(0);
    expect(urls[0]).toBe(`${emulator.url}/v3/auth/tokens`);
    expect(urls.slice(1).every((u) => u.startsWith(`${emulator.url}/v1/${demo.projectId}/`))).toBe(true);
    // One token for everything: the catalog is read once, with it.
    expect(urls.filter((u) => u.endsWith('/v3/auth/tokens'))).toHaveLength(1);
  });

  it('prefers the catalog over the derived public endpoint of the configured region', async () => {
    // cloud otc / eu-de would derive https://csbs.eu-de.otc.t-systems.com; the catalog wins.
    // Should it not, every name resolves to loopback here: no request leaves the machine.
    const loopbackOnly = new Agent({
      connect: {
        lookup: (_host, options, callback) =>
          (options as { all?: boolean }).all
            ? (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [
                { address: '127.0.0.1', family: 4 },
              ])
            : callback(null, '127.0.0.1', 4),
      },
    });
    const c = client({ cloud: 'otc', region: 'eu-de', dispatcher: loopbackOnly, retry: { maxAttempts: 1 } });
    expect((await c.listCheckpointItems({ limit: 1 })).checkpoint_items).toHaveLength(1);
    expect(c.endpoint).toBe(emulator.url);
    await loopbackOnly.close();
  });

  it('without a region takes the first data-protect endpoint, whatever its region', async () => {
    await using nl = await startEmulator({ data, region: 'eu-nl' });
    const c = client({
      credentials: {
        password: {
          authUrl: nl.url,
          username: demo.username,
          password: demo.password,
          domainName: demo.domainName,
        },
      },
    });
    expect((await c.listCheckpointItems({ limit: 1 })).checkpoint_items).toHaveLength(1);
    expect(c.endpoint).toBe(nl.url);
  });

  it('says what to set when the catalog has no CSBS and nothing can be derived', async () => {
    const seen: string[] = [];
    const iam = await startServer(async (req, res) => {
      seen.push(`${req.method} ${req.url}`);
      const expires_at = new Date(Date.now() + 3600_000).toISOString();
      sendJson(res, 201, { token: { expires_at, catalog: [] } }, { 'X-Subject-Token': 'tok' });
    });
    try {
      const c = client({
        credentials: { password: { authUrl: iam.url, username: 'u', password: 'p', domainName: 'd' } },
      });
      await expect(c.listCheckpointItems()).rejects.toMatchObject({
        name: 'CsbsValidationError',
        issues: [{ path: 'endpoint', message: expect.stringContaining('no public data-protect endpoint') }],
      });
      expect(seen).toEqual(['POST /v3/auth/tokens']);
    } finally {
      await iam.close();
    }
  });

  it('rejects a bad cloud or region before any request, and keeps an explicit endpoint', async () => {
    expect(() => client({ cloud: 'aws' as never })).toThrow(CsbsValidationError);
    expect(() => client({ region: 'EU DE' })).toThrow(/region/);
    const fixed = client({ endpoint: `${emulator.url}/` });
    expect(fixed.endpoint).toBe(emulator.url);
  });
});

describe('listProjects', () => {
  it("lists the password user's project, and every project for an administrator", async () => {
    const projects = await client().listProjects();
    expect(projects.map((p) => [p.id, p.name])).toEqual([[demo.projectId, demo.projectName]]);
    const admin = client({
      credentials: {
        password: {
          authUrl: `${emulator.url}/v3`,
          username: root.name,
          password: root.password,
          domainName: demo.domainName,
        },
      },
    });
    expect((await admin.listProjects()).map((p) => p.id).sort()).toEqual(
      [demo.projectId, demo.otherProjectId].sort(),
    );
  });

  it('uses iamEndpoint with a token or an AK/SK, and asks for it when it cannot be known', async () => {
    const byToken = client({
      endpoint: emulator.url,
      iamEndpoint: emulator.url,
      credentials: { token: demo.otherToken },
    });
    expect((await byToken.listProjects()).map((p) => p.id)).toEqual([demo.otherProjectId]);
    const byKey = client({
      endpoint: emulator.url,
      iamEndpoint: emulator.url,
      credentials: { accessKey: demo.accessKey, secretKey: demo.secretKey },
    });
    expect((await byKey.listProjects()).map((p) => p.id)).toEqual([demo.projectId]);
    const unknown = client({ endpoint: emulator.url, credentials: { token: demo.token } });
    await expect(unknown.listProjects()).rejects.toMatchObject({
      name: 'CsbsValidationError',
      issues: [{ path: 'iamEndpoint' }],
    });
    expect(() => client({ iamEndpoint: 'not a url' })).toThrow(/iamEndpoint/);
  });
});
