import {
  canonicalQueryString,
  canonicalRequest,
  computeSignature,
  parseAuthorization,
  stringToSign,
} from '@csbs-kit/models/signing';
import { describe, expect, it } from 'vitest';
import { AccessKeyAuthorizer } from './access-key-authorizer.js';

// The vectors of docs/api.md (AK/SK signing), checked through the signer the client uses.
interface Vector {
  name: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  signed: string[];
  signature: string;
}

const sdk = { accessKey: 'AccessKey', secretKey: 'SecretKey' };
const vectors: Vector[] = [
  {
    name: 'V2',
    method: 'GET',
    url: 'https://example.huaweicloud.com/path?limit=1',
    headers: { 'X-Sdk-Date': '20060102T150405Z' },
    signed: ['x-sdk-date'],
    signature: '5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624',
  },
  {
    name: 'V3',
    method: 'POST',
    url: 'https://example.huaweicloud.com/path?key=value',
    headers: { 'X-Sdk-Date': '20060102T150405Z' },
    body: '{"Name":"test","Id":1}\n',
    signed: ['x-sdk-date'],
    signature: 'cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59',
  },
  {
    name: 'V4',
    method: 'GET',
    url: 'https://service.endpoint.myhuaweicloud.com/resources?size=1',
    headers: { 'X-Sdk-Date': '20200608T023900Z', Host: 'service.endpoint.myhuaweicloud.com' },
    signed: ['host', 'x-sdk-date'],
    signature: 'cfb4171acec81de07d50e53d57eb77edd537414d66ddb1d7d780f128e12cd842',
  },
  {
    name: 'V5',
    method: 'POST',
    url: 'https://service.endpoint.myhuaweicloud.com/resources?size=1',
    headers: { 'X-Sdk-Date': '20200608T023900Z', Host: 'service.endpoint.myhuaweicloud.com' },
    body: '{"name":"test","id":1}',
    signed: ['host', 'x-sdk-date'],
    signature: '436b1ac0a1ae03705934bb70ef2f2e09f7bfed2117d731a38235053199323a1f',
  },
  {
    name: 'V6',
    method: 'GET',
    url: 'https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0',
    headers: { 'X-Sdk-Date': '20191115T033655Z', Host: 'service.region.example.com' },
    signed: ['host', 'x-sdk-date'],
    signature: 'fd95e7da6f695cfb4cabbb9d6b0968aec155bc576b064835282473539ae9ea1d',
  },
  {
    name: 'V7',
    method: 'POST',
    url: 'https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpc/123',
    headers: { 'X-Sdk-Date': '20191115T033655Z', Host: 'service.region.example.com' },
    body: '{"key":"value"}',
    signed: ['host', 'x-sdk-date'],
    signature: 'b5649aa774f6cac7437631662f08815fc65c70e40e486df6db2436ce68902771',
  },
  {
    name: 'V8',
    method: 'GET',
    url: 'https://service.region.example.com',
    headers: { 'X-Sdk-Date': '20191115T033655Z', Host: 'example.com' },
    signed: ['host', 'x-sdk-date'],
    signature: '919ad8b75d4ad49da0d377e63ee21c4a7a54b752f6bf2878b4adbe9c19927da6',
  },
];

describe('SDK-HMAC-SHA256 vectors of docs/api.md', () => {
  it('V1: the guide worked example, canonical request, string to sign and signature', () => {
    const request = {
      method: 'GET',
      url: 'https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0',
      headers: {
        'Content-Type': 'application/json',
        Host: 'service.region.example.com',
        'X-Sdk-Date': '20191115T033655Z',
      },
    };
    const canonical = canonicalRequest(request, ['content-type', 'host', 'x-sdk-date']);
    expect(canonical).toBe(
      [
        'GET',
        '/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs/',
        'limit=2&marker=13551d6b-755d-4757-b956-536f674975c0',
        'content-type:application/json\nhost:service.region.example.com\nx-sdk-date:20191115T033655Z\n',
        'content-type;host;x-sdk-date',
        'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      ].join('\n'),
    );
    const toSign = stringToSign('20191115T033655Z', canonical);
    expect(toSign).toBe(
      'SDK-HMAC-SHA256\n20191115T033655Z\nb25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a',
    );
    expect(computeSignature('MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc', toSign)).toBe(
      '7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe',
    );
  });

  it.each(vectors)('$name', (v) => {
    const canonical = canonicalRequest(
      { method: v.method, url: v.url, headers: v.headers, body: v.body },
      v.signed,
    );
    const signature = computeSignature(sdk.secretKey, stringToSign(v.headers['X-Sdk-Date']!, canonical));
    expect(signature).toBe(v.signature);
  });

  it('V2 canonical request', () => {
    expect(
      canonicalRequest({ method: 'GET', url: vectors[0]!.url, headers: vectors[0]!.headers }, ['x-sdk-date']),
    ).toBe(
      'GET\n/path/\nlimit=1\nx-sdk-date:20060102T150405Z\n\nx-sdk-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });

  it('canonical query vector', () => {
    const params = new URLSearchParams();
    for (const [k, v] of [
      ['limit', '1'],
      ['enable', 'true'],
      ['test', '一 (&=?!#%.*)'],
      ['path', '/tmp/123'],
      ['multi', '1'],
      ['multi', '2'],
      ['multi', '3'],
    ] as const)
      params.append(k, v);
    expect(canonicalQueryString(params)).toBe(
      'enable=true&limit=1&multi=1&multi=2&multi=3&path=%2Ftmp%2F123&test=%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29',
    );
  });
});

/** Verifies headers the way the gateway does: recompute from the SignedHeaders list. */
function verify(
  method: string,
  url: string,
  headers: Record<string, string>,
  body: Uint8Array | undefined,
  sk: string,
) {
  const auth = parseAuthorization(headers.Authorization ?? '');
  if (auth === undefined) return false;
  // As the gateway sees it: undici sends Host as the URL's host[:port].
  headers = { ...headers, Host: new URL(url).host };
  const canonical = canonicalRequest({ method, url, headers, body }, auth.signedHeaders);
  return computeSignature(sk, stringToSign(headers['X-Sdk-Date'] ?? '', canonical)) === auth.signature;
}

describe('AccessKeyAuthorizer', () => {
  const creds = { accessKey: 'AK123', secretKey: 'SK-very-secret' };
  const date = new Date('2026-03-04T05:06:07.890Z');

  it('signs a GET with host, x-sdk-date and x-project-id, and the headers verify', async () => {
    const url = 'http://127.0.0.1:8080/v1/proj/checkpoint_items?limit=10&name=a%20b';
    const headers = await new AccessKeyAuthorizer(creds, 'proj', () => date).authorize({
      method: 'GET',
      url,
      headers: { Accept: 'application/json' },
      body: undefined,
    });
    expect(headers['X-Sdk-Date']).toBe('20260304T050607Z');
    // Signed as host[:port]; undici sends that same Host for the origin.
    expect(headers.Host).toBeUndefined();
    expect(headers['X-Project-Id']).toBe('proj');
    expect(parseAuthorization(headers.Authorization!)).toMatchObject({
      accessKey: 'AK123',
      signedHeaders: ['host', 'x-project-id', 'x-sdk-date'],
    });
    expect(verify('GET', url, headers, undefined, creds.secretKey)).toBe(true);
    expect(verify('GET', url, headers, undefined, 'other')).toBe(false);
  });

  it('signs the POST body bytes and content-type, and a security token', async () => {
    const url = 'https://csbs.eu-de.otc.t-systems.com/v1/p/csbs_backup/resource_instances/action';
    const body = Buffer.from('{"action":"count","tags":[{"key":"ünï","values":[]}]}');
    const headers = await new AccessKeyAuthorizer(
      { ...creds, securityToken: 'STS' },
      'p',
      () => date,
    ).authorize({ method: 'POST', url, headers: { 'Content-Type': 'application/json' }, body });
    expect(parseAuthorization(headers.Authorization!)?.signedHeaders).toEqual([
      'content-type',
      'host',
      'x-project-id',
      'x-sdk-date',
      'x-security-token',
    ]);
    expect(headers['X-Security-Token']).toBe('STS');
    expect(verify('POST', url, headers, body, creds.secretKey)).toBe(true);
    // One changed byte of the body breaks the signature.
    expect(
      verify('POST', url, headers, Buffer.from(body.toString().replace('count', 'filte')), creds.secretKey),
    ).toBe(false);
  });

  it('dates each attempt afresh', async () => {
    let now = date.getTime();
    const authorizer = new AccessKeyAuthorizer(creds, 'p', () => new Date(now));
    const req = { method: 'GET', url: 'http://h/v1/p/checkpoint_items', headers: {}, body: undefined };
    const first = await authorizer.authorize(req);
    now += 61_000;
    const second = await authorizer.authorize(req);
    expect(first['X-Sdk-Date']).not.toBe(second['X-Sdk-Date']);
    expect(first.Authorization).not.toBe(second.Authorization);
  });
});
