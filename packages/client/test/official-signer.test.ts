import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CsbsClient } from '../src/index.js';
import { type ReceivedRequest, sendJson, startServer, type TestServer } from './support/http-server.js';

// Our client's Authorization, as it arrives on a real socket, equals the one the official
// Huawei Cloud Node.js SDK's signer computes for the same request and time.
const require = createRequire(import.meta.url);
const { AKSKSigner } = require('@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner') as {
  AKSKSigner: { sign(request: Record<string, unknown>, credentials: unknown): Record<string, string> };
};
const { BasicCredentials } = require('@huaweicloud/huaweicloud-sdk-core') as {
  BasicCredentials: new () => { withAk(a: string): { withSk(s: string): unknown } };
};

const accessKey = 'QTWAOYTTINDUT2QVKYUC';
const secretKey = 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc';
const projectId = '77b6a44cba5143ab91d13ab9a8ff44fd';

let server: TestServer;
let client: CsbsClient;
beforeAll(async () => {
  server = await startServer(async (req, res) => {
    sendJson(res, 200, req.method === 'GET' ? { checkpoint_items: [] } : { total_count: 0 });
  });
  client = new CsbsClient({ projectId, endpoint: server.url, credentials: { accessKey, secretKey } });
});
afterAll(async () => {
  await client.close();
  await server.close();
});

function header(request: ReceivedRequest, name: string): string {
  const value = request.headers[name];
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
}

function officialAuthorization(
  request: ReceivedRequest,
  queryParams: Record<string, string>,
  extra: Record<string, string> = {},
  data?: unknown,
): string {
  const url = new URL(request.url, server.url);
  const credentials = new BasicCredentials().withAk(accessKey).withSk(secretKey);
  const signed = AKSKSigner.sign(
    {
      method: request.method,
      endpoint: `${server.url}${url.pathname}`,
      queryParams,
      headers: {
        'X-Sdk-Date': header(request, 'x-sdk-date'),
        'X-Project-Id': header(request, 'x-project-id'),
        ...extra,
      },
      ...(data === undefined ? {} : { data }),
    },
    credentials,
  );
  return signed.Authorization ?? '';
}

describe("our client's signature and the official SDK's", () => {
  it('agree for an ordinary listing', async () => {
    await client.listCheckpointItems({ limit: 2, sort: 'name:asc', status: 'available' });
    const sent = server.requests.at(-1)!;
    expect(sent.url).toContain('/checkpoint_items?');
    const query = Object.fromEntries(new URL(sent.url, server.url).searchParams);
    expect(header(sent, 'authorization')).toMatch(/^SDK-HMAC-SHA256 Access=/);
    expect(header(sent, 'authorization')).toBe(officialAuthorization(sent, query));
  });

  it('agree for a tag-query POST with its JSON body', async () => {
    await client.countResources({ tags: [{ key: 'env', values: ['prod'] }] });
    const sent = server.requests.at(-1)!;
    expect(sent.method).toBe('POST');
    const official = officialAuthorization(
      sent,
      {},
      { 'content-type': 'application/json' },
      JSON.parse(sent.body),
    );
    expect(header(sent, 'authorization')).toBe(official);
  });

  it('differ as soon as the request differs (the comparison can fail)', async () => {
    await client.listCheckpointItems({ limit: 2 });
    const sent = server.requests.at(-1)!;
    expect(header(sent, 'authorization')).not.toBe(officialAuthorization(sent, { limit: '3' }));
  });
});
