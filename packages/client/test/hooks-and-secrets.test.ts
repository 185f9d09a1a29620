import { inspect } from 'node:util';
import { Agent } from 'undici';
import { describe, expect, it } from 'vitest';
import { CsbsClient, CsbsError, type RequestSummary, type ResponseSummary } from '../src/index.js';
import { fixtures, token, useCleanups } from './support/fixtures.js';
import { sendJson } from './support/http-server.js';

const cleanups = useCleanups();
const { serve, client } = fixtures(cleanups);

describe('hooks and secrets', () => {
  it('hooks see redacted summaries', async () => {
    let calls = 0;
    const server = await serve((_req, res) => {
      calls++;
      if (calls === 1) sendJson(res, 500, {});
      else sendJson(res, 200, { count: 1 }, { 'X-Request-Id': 'rid-2' });
    });
    const seen: { requests: RequestSummary[]; responses: ResponseSummary[] } = {
      requests: [],
      responses: [],
    };
    await client(server, {
      hooks: {
        onRequest: (s) => seen.requests.push(s),
        onResponse: (s) => seen.responses.push(s),
        onRetry: () => {
          throw new Error('a throwing hook changes nothing');
        },
      },
    }).countCheckpointItems();
    expect(seen.requests.map((r) => r.attempt)).toEqual([1, 2]);
    expect(seen.requests[0]?.headers['X-Auth-Token']).toBe('***');
    expect(seen.requests[0]?.url).toBe(`${server.url}/v1/proj-1/checkpoint_items/count`);
    expect(seen.responses.map((r) => [r.status, r.requestId])).toEqual([
      [500, undefined],
      [200, 'rid-2'],
    ]);
    expect(seen.responses[1]?.durationMs).toBeGreaterThanOrEqual(0);
    expect(JSON.stringify(seen)).not.toContain(token);
  });

  it('hooks may be methods of a class instance', async () => {
    const server = await serve((_req, res) => sendJson(res, 200, { count: 1 }));
    class Recorder {
      readonly statuses: number[] = [];
      onResponse(summary: ResponseSummary) {
        this.statuses.push(summary.status);
      }
    }
    const recorder = new Recorder();
    await client(server, { hooks: recorder }).countCheckpointItems();
    expect(recorder.statuses).toEqual([200]);
  });

  it('AK/SK hooks hide the signature and security token', async () => {
    const server = await serve((_req, res) => sendJson(res, 200, { count: 1 }));
    const requests: RequestSummary[] = [];
    await client(server, {
      credentials: { accessKey: 'AK-PUBLIC', secretKey: 'SK-SECRET-xyz', securityToken: 'STS-SECRET-q' },
      hooks: { onRequest: (s) => requests.push(s) },
    }).countCheckpointItems();
    expect(requests[0]?.headers.Authorization).toBe('***');
    expect(requests[0]?.headers['X-Security-Token']).toBe('***');
    const text = JSON.stringify(requests);
    expect(text).not.toContain('SK-SECRET-xyz');
    expect(text).not.toContain('STS-SECRET-q');
  });

  it('no error of any kind shows a secret in JSON or inspect', async () => {
    const secrets = ['SK-SECRET-xyz', 'STS-SECRET-q', token];
    const server = await serve((req, res) => {
      if (req.url.includes('count')) sendJson(res, 401, { code: 'APIGW.0301', message: 'bad signature' });
      else res.socket?.destroy();
    });
    const ak = client(server, {
      credentials: { accessKey: 'AK', secretKey: 'SK-SECRET-xyz', securityToken: 'STS-SECRET-q' },
      retry: { maxAttempts: 1 },
    });
    const tk = client(server, { retry: { maxAttempts: 1 } });
    const errors = [
      await ak.countCheckpointItems().catch((e: unknown) => e),
      await ak.listCheckpointItems().catch((e: unknown) => e),
      await tk.listCheckpointItems().catch((e: unknown) => e),
      await tk.listCheckpointItems({ limit: 0 }).catch((e: unknown) => e),
      (() => {
        try {
          return new CsbsClient({ projectId: 'p', endpoint: server.url, credentials: { token: '' } });
        } catch (e) {
          return e;
        }
      })(),
    ];
    for (const error of errors) {
      expect(CsbsError.isInstance(error)).toBe(true);
      const shown = `${JSON.stringify(error)}\n${inspect(error, { depth: 10, showHidden: true })}\n${String(error)}`;
      for (const secret of secrets) expect(shown).not.toContain(secret);
    }
  });
});

describe('the client object', () => {
  it('does not show its credentials in inspect or JSON', () => {
    for (const credentials of [
      { token: 'TOKEN-SECRET-abc123' },
      { accessKey: 'AK', secretKey: 'SK-SECRET-xyz', securityToken: 'STS-SECRET-q' },
      { password: { authUrl: 'http://127.0.0.1:1', username: 'u', password: 'PW-SECRET', domainName: 'd' } },
    ]) {
      const c = new CsbsClient({ projectId: 'p', endpoint: 'http://127.0.0.1:1', credentials });
      cleanups.push(() => c.close());
      const shown = `${inspect(c, { depth: 20, showHidden: true })}${JSON.stringify(c)}`;
      for (const secret of ['TOKEN-SECRET-abc123', 'SK-SECRET-xyz', 'STS-SECRET-q', 'PW-SECRET']) {
        expect(shown).not.toContain(secret);
      }
    }
  });

  it('rejects bad options with the field named', () => {
    const bad = (options: object) => () =>
      new CsbsClient({
        projectId: 'p',
        endpoint: 'http://127.0.0.1:1',
        credentials: { token: 't' },
        ...options,
      });
    expect(bad({ projectId: 'a/b' })).toThrow(/projectId/);
    expect(bad({ timeoutMs: 0 })).toThrow(/timeoutMs/);
    expect(bad({ retry: { maxAttempts: 0 } })).toThrow(/retry.maxAttempts/);
    expect(bad({ credentials: { accessKey: 'AK' } })).toThrow(/credentials.secretKey/);
    expect(bad({ credentials: { password: { authUrl: 'x', username: 'u', password: 'p' } } })).toThrow(
      /credentials.password.domainName/,
    );
    expect(bad({ credentials: {} })).toThrow(/credentials/);
    expect(bad({ endpoint: undefined, cloud: 'otc', region: 'eu-nl' })).toThrow(/region/);
  });
});

describe('dispatcher', () => {
  it('uses a given dispatcher and leaves it open on close', async () => {
    const server = await serve((_req, res) => sendJson(res, 200, { count: 5 }));
    const dispatcher = new Agent();
    cleanups.push(() => dispatcher.close());
    const c = new CsbsClient({ projectId: 'p', endpoint: server.url, credentials: { token }, dispatcher });
    expect(await c.countCheckpointItems()).toBe(5);
    await c.close();
    expect(dispatcher.closed).toBe(false);
    await c[Symbol.asyncDispose]();
  });
});
