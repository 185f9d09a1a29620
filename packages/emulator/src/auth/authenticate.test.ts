import { describe, expect, it } from 'vitest';
import { EmulatorHttpError } from '../errors.js';
import { authenticate, type ReceivedRequest } from './authenticate.js';
import { CredentialRegistry } from './credential-registry.js';

// The vectors of docs/api.md (AK/SK signing), checked here as a gateway would receive them.
const v1Registry = new CredentialRegistry({
  projects: {},
  credentials: [
    {
      access_key: 'QTWAOYTTINDUT2QVKYUC',
      secret_key: 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc',
      project_id: 'p1',
    },
    { access_key: 'AccessKey', secret_key: 'SecretKey', project_id: 'p2', admin: true },
  ],
});

const v1: ReceivedRequest = {
  method: 'GET',
  rawUrl: '/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0',
  headers: {
    'content-type': 'application/json',
    host: 'service.region.example.com',
    'x-sdk-date': '20191115T033655Z',
    authorization:
      'SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe',
  },
  body: new Uint8Array(),
};

const v3: ReceivedRequest = {
  method: 'POST',
  rawUrl: '/path?key=value',
  headers: {
    host: 'example.huaweicloud.com',
    'x-sdk-date': '20060102T150405Z',
    authorization:
      'SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, Signature=cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59',
  },
  body: Buffer.from('{"Name":"test","Id":1}\n'),
};

function failure(request: ReceivedRequest, now: Date): EmulatorHttpError {
  try {
    authenticate(v1Registry, request, now);
  } catch (error) {
    if (EmulatorHttpError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a 401');
}

describe('authenticate with the vectors of docs/api.md', () => {
  it('accepts V1 (the guide example) and V3 (a POST body with a newline)', () => {
    expect(authenticate(v1Registry, v1, new Date('2019-11-15T03:36:55Z'))).toEqual({
      projectId: 'p1',
      admin: false,
    });
    expect(authenticate(v1Registry, v3, new Date('2006-01-02T15:10:05Z'))).toEqual({
      projectId: 'p2',
      admin: true,
    });
  });

  it('refuses them 15 minutes and one second away, or with one byte changed', () => {
    expect(failure(v1, new Date('2019-11-15T03:51:56Z'))).toMatchObject({ status: 401, code: 'APIGW.0301' });
    expect(failure(v1, new Date('2019-11-15T03:21:54Z')).message).toContain('15 minutes');
    const body = failure(
      { ...v3, body: Buffer.from('{"Name":"test","Id":1}') },
      new Date('2006-01-02T15:04:05Z'),
    );
    expect(body.message).toContain('signature does not match');
    const query = failure(
      { ...v1, rawUrl: v1.rawUrl.replace('limit=2', 'limit=3') },
      new Date('2019-11-15T03:36:55Z'),
    );
    expect(query.message).toContain('signature does not match');
    const header = failure(
      { ...v1, headers: { ...v1.headers, 'content-type': 'text/plain' } },
      new Date('2019-11-15T03:36:55Z'),
    );
    expect(header.message).toContain('signature does not match');
  });

  it('never echoes a credential in its messages', () => {
    const unknownToken = failure({ ...v1, headers: { 'x-auth-token': 'secret-token-value' } }, new Date());
    expect(unknownToken.message).not.toContain('secret-token-value');
    const wrongKey = failure(
      {
        ...v1,
        headers: {
          ...v1.headers,
          authorization: String(v1.headers.authorization).replace('QTWAOYTTINDUT2QVKYUC', 'OTHERKEY'),
        },
      },
      new Date('2019-11-15T03:36:55Z'),
    );
    expect(wrongKey.message).not.toContain('OTHERKEY');
  });
});
