import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../src/index.js';
import { fixtureData, keys, projectA, tokens } from '../fixture.js';
import { call, get, ids } from '../http.js';

// The official Huawei Cloud Node.js SDK core (@huaweicloud/huaweicloud-sdk-core), its own
// HcClient, credentials, signer and axios transport, against the emulator over real sockets.
// It is CommonJS without an exports map, hence createRequire and the loose types.
const require = createRequire(import.meta.url);
const { ClientBuilder } = require('@huaweicloud/huaweicloud-sdk-core/ClientBuilder') as {
  ClientBuilder: new (init: (client: HcClient) => HcClient) => Builder;
};
const { BasicCredentials } = require('@huaweicloud/huaweicloud-sdk-core') as {
  BasicCredentials: new () => Credentials;
};
const { AKSKSigner } = require('@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner') as {
  AKSKSigner: { sign(request: Record<string, unknown>, credentials: Credentials): Record<string, string> };
};

interface Credentials {
  withAk(ak: string): Credentials;
  withSk(sk: string): Credentials;
  withProjectId(id: string): Credentials;
  withSecurityToken(token: string): Credentials;
}
interface HcClient {
  sendRequest(options: Record<string, unknown>): Promise<Record<string, unknown>>;
}
interface Builder {
  withEndpoint(url: string): Builder;
  withCredential(c: Credentials): Builder;
  withOptions(o: Record<string, unknown>): Builder;
  build(): HcClient;
}

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ data: fixtureData() });
});
afterAll(() => emu.close());

function officialClient(credentials: { accessKey: string; secretKey: string; securityToken?: string }) {
  let c = new BasicCredentials()
    .withAk(credentials.accessKey)
    .withSk(credentials.secretKey)
    .withProjectId(projectA);
  if (credentials.securityToken !== undefined) c = c.withSecurityToken(credentials.securityToken);
  return (
    new ClientBuilder((client) => client)
      .withEndpoint(emu.url)
      .withCredential(c)
      // A custom agent spares the SDK writing an application id under the home directory.
      .withOptions({ customUserAgent: 'csbs-kit-interop-test' })
      .build()
  );
}

const listing = (queryParams: Record<string, unknown>) => ({
  method: 'GET',
  url: '/v1/{project_id}/checkpoint_items',
  pathParams: {},
  queryParams,
  headers: {},
});

/** Resolves the SDK's answer, or the status of its exception. */
async function statusOf(promise: Promise<Record<string, unknown>>): Promise<number> {
  try {
    return (await promise).httpStatusCode as number;
  } catch (error) {
    return (error as { httpStatusCode?: number; status?: number }).httpStatusCode ?? -1;
  }
}

describe('the official Huawei Cloud Node.js SDK against the emulator', () => {
  it('lists backups with its AK/SK signature (SDK-HMAC-SHA256 Access=, every header signed)', async () => {
    const answer = await officialClient(keys.a).sendRequest(listing({ limit: 2, sort: 'name:asc' }));
    expect(answer.httpStatusCode).toBe(200);
    const expected = await get(`${emu.url}/v1/${projectA}/checkpoint_items?limit=2&sort=name:asc`, tokens.a);
    expect(ids(answer)).toEqual(ids(expected.body));
    expect(ids(answer)).toHaveLength(2);
  });

  it('applies the listing filters exactly as for a token', async () => {
    const query = { status: 'available', name: 'BK', sort: 'created_at:asc', limit: 50 };
    const answer = await officialClient(keys.a).sendRequest(listing(query));
    const search = new URLSearchParams(
      Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]),
    );
    const expected = await get(`${emu.url}/v1/${projectA}/checkpoint_items?${search}`, tokens.a);
    expect(ids(answer).length).toBeGreaterThan(0);
    expect(ids(answer)).toEqual(ids(expected.body));
  });

  it('sends a signed tag-query POST', async () => {
    const answer = await officialClient(keys.a).sendRequest({
      method: 'POST',
      url: '/v1/{project_id}/csbs_backup/resource_instances/action',
      contentType: 'application/json',
      pathParams: {},
      queryParams: {},
      headers: {},
      data: { action: 'count', tags: [{ key: 'env', values: ['prod'] }] },
    });
    expect(answer).toMatchObject({ httpStatusCode: 200, total_count: 3 });
  });

  it('works with temporary credentials (X-Security-Token) and refuses a wrong one', async () => {
    expect(await statusOf(officialClient(keys.temporary).sendRequest(listing({ limit: 1 })))).toBe(200);
    const wrong = { ...keys.temporary, securityToken: 'not-the-token' };
    expect(await statusOf(officialClient(wrong).sendRequest(listing({ limit: 1 })))).toBe(401);
  });

  it('is refused with a wrong secret key, and when a signed request is changed on the way', async () => {
    const wrongKey = { accessKey: keys.a.accessKey, secretKey: 'wrong-secret' };
    expect(await statusOf(officialClient(wrongKey).sendRequest(listing({ limit: 1 })))).toBe(401);

    const credentials = new BasicCredentials().withAk(keys.a.accessKey).withSk(keys.a.secretKey);
    const url = `${emu.url}/v1/${projectA}/checkpoint_items`;
    const headers = AKSKSigner.sign(
      { method: 'GET', endpoint: url, queryParams: { limit: '2' }, headers: { 'X-Project-Id': projectA } },
      credentials,
    );
    const { host: _, ...sent } = headers;
    expect((await call(`${url}?limit=2`, { headers: sent })).status).toBe(200);
    const tampered = await call(`${url}?limit=3`, { headers: sent });
    expect(tampered.status).toBe(401);
    expect(tampered.body).toMatchObject({ error_code: 'APIGW.0301' });
  });
});
