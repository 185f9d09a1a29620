import { describe, expect, it } from 'vitest';
import {
  canonicalQueryString,
  canonicalRequest,
  canonicalUri,
  computeSignature,
  emptyBodySha256,
  formatAuthorization,
  formatSdkDate,
  parseAuthorization,
  parseSdkDate,
  percentEncode,
  type SignableRequest,
  signaturesEqual,
  signRequest,
  stringToSign,
} from '../src/signing/index.js';

/** Signs with an explicit list of signed headers, as the vectors of docs/api.md are given. */
function signatureOf(request: SignableRequest, signedHeaders: string[], secretKey: string): string {
  const sdkDate = request.headers['X-Sdk-Date'] ?? '';
  return computeSignature(secretKey, stringToSign(sdkDate, canonicalRequest(request, signedHeaders)));
}

const v1: SignableRequest = {
  method: 'GET',
  url: 'https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0',
  headers: {
    'Content-Type': 'application/json',
    Host: 'service.region.example.com',
    'X-Sdk-Date': '20191115T033655Z',
  },
};

describe("V1, the signing guide's worked example", () => {
  const signed = ['content-type', 'host', 'x-sdk-date'];
  const canonical = [
    'GET',
    '/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs/',
    'limit=2&marker=13551d6b-755d-4757-b956-536f674975c0',
    'content-type:application/json',
    'host:service.region.example.com',
    'x-sdk-date:20191115T033655Z',
    '',
    'content-type;host;x-sdk-date',
    'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  ].join('\n');
  const toSign =
    'SDK-HMAC-SHA256\n20191115T033655Z\nb25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a';
  const signature = '7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe';
  const secretKey = 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc';

  it('builds the canonical request exactly as printed', () => {
    expect(canonicalRequest(v1, signed)).toBe(canonical);
  });

  it('sorts the signed header names itself', () => {
    expect(canonicalRequest(v1, ['X-Sdk-Date', 'host', 'Content-Type'])).toBe(canonical);
  });

  it('builds the string to sign', () => {
    expect(stringToSign('20191115T033655Z', canonical)).toBe(toSign);
  });

  it('computes the signature', () => {
    expect(computeSignature(secretKey, toSign)).toBe(signature);
  });

  it('formats the Authorization header', () => {
    expect(formatAuthorization({ accessKey: 'QTWAOYTTINDUT2QVKYUC', signedHeaders: signed, signature })).toBe(
      'SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe',
    );
  });
});

describe("V2–V8, from the official SDKs' tests", () => {
  it('V2 builds the canonical request exactly as printed', () => {
    const request = {
      method: 'GET',
      url: 'https://example.huaweicloud.com/path?limit=1',
      headers: { 'X-Sdk-Date': '20060102T150405Z' },
    };
    expect(canonicalRequest(request, ['x-sdk-date'])).toBe(
      'GET\n/path/\nlimit=1\nx-sdk-date:20060102T150405Z\n\nx-sdk-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });

  const region = 'https://service.region.example.com';
  const date2019 = { 'X-Sdk-Date': '20191115T033655Z' };
  it.each<[string, SignableRequest, string[], string]>([
    [
      'V2',
      {
        method: 'GET',
        url: 'https://example.huaweicloud.com/path?limit=1',
        headers: { 'X-Sdk-Date': '20060102T150405Z' },
      },
      ['x-sdk-date'],
      '5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624',
    ],
    [
      'V3',
      {
        method: 'POST',
        url: 'https://example.huaweicloud.com/path?key=value',
        headers: { 'X-Sdk-Date': '20060102T150405Z' },
        body: '{"Name":"test","Id":1}\n',
      },
      ['x-sdk-date'],
      'cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59',
    ],
    [
      'V4',
      {
        method: 'GET',
        url: 'https://service.endpoint.myhuaweicloud.com/resources?size=1',
        headers: { Host: 'service.endpoint.myhuaweicloud.com', 'X-Sdk-Date': '20200608T023900Z' },
      },
      ['host', 'x-sdk-date'],
      'cfb4171acec81de07d50e53d57eb77edd537414d66ddb1d7d780f128e12cd842',
    ],
    [
      'V5',
      {
        method: 'POST',
        url: 'https://service.endpoint.myhuaweicloud.com/resources?size=1',
        headers: { Host: 'service.endpoint.myhuaweicloud.com', 'X-Sdk-Date': '20200608T023900Z' },
        body: '{"name":"test","id":1}',
      },
      ['host', 'x-sdk-date'],
      '436b1ac0a1ae03705934bb70ef2f2e09f7bfed2117d731a38235053199323a1f',
    ],
    [
      'V6',
      {
        method: 'GET',
        url: `${region}/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0`,
        headers: { Host: 'service.region.example.com', ...date2019 },
      },
      ['host', 'x-sdk-date'],
      'fd95e7da6f695cfb4cabbb9d6b0968aec155bc576b064835282473539ae9ea1d',
    ],
    [
      'V7',
      {
        method: 'POST',
        url: `${region}/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpc/123`,
        headers: { Host: 'service.region.example.com', ...date2019 },
        body: '{"key":"value"}',
      },
      ['host', 'x-sdk-date'],
      'b5649aa774f6cac7437631662f08815fc65c70e40e486df6db2436ce68902771',
    ],
    [
      'V8',
      { method: 'GET', url: region, headers: { Host: 'example.com', ...date2019 } },
      ['host', 'x-sdk-date'],
      '919ad8b75d4ad49da0d377e63ee21c4a7a54b752f6bf2878b4adbe9c19927da6',
    ],
  ])('%s signs as the SDKs do', (_, request, signed, signature) => {
    const secretKey = 'SecretKey';
    expect(signatureOf(request, signed, secretKey)).toBe(signature);
    if (request.body !== undefined) {
      const bytes = { ...request, body: new TextEncoder().encode(request.body as string) };
      expect(signatureOf(bytes, signed, secretKey)).toBe(signature);
    }
  });

  // signRequest chooses host and x-sdk-date itself, so these vectors check it end to end.
  it.each<[string, string, string, string | undefined, string, string]>([
    [
      'V4',
      'GET',
      'https://service.endpoint.myhuaweicloud.com/resources?size=1',
      undefined,
      '2020-06-08T02:39:00Z',
      'cfb4171acec81de07d50e53d57eb77edd537414d66ddb1d7d780f128e12cd842',
    ],
    [
      'V5',
      'POST',
      'https://service.endpoint.myhuaweicloud.com/resources?size=1',
      '{"name":"test","id":1}',
      '2020-06-08T02:39:00Z',
      '436b1ac0a1ae03705934bb70ef2f2e09f7bfed2117d731a38235053199323a1f',
    ],
    [
      'V6',
      'GET',
      `${region}/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0`,
      undefined,
      '2019-11-15T03:36:55Z',
      'fd95e7da6f695cfb4cabbb9d6b0968aec155bc576b064835282473539ae9ea1d',
    ],
    [
      'V7',
      'POST',
      `${region}/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpc/123`,
      '{"key":"value"}',
      '2019-11-15T03:36:55Z',
      'b5649aa774f6cac7437631662f08815fc65c70e40e486df6db2436ce68902771',
    ],
  ])('signRequest reproduces %s', (_, method, url, body, date, signature) => {
    const headers = signRequest(
      { method, url, headers: {}, body },
      { accessKey: 'AccessKey', secretKey: 'SecretKey' },
      { date: new Date(date) },
    );
    expect(headers.Authorization).toBe(
      `SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, Signature=${signature}`,
    );
  });

  it('signRequest keeps a Host header the caller set (V8)', () => {
    const headers = signRequest(
      { method: 'GET', url: region, headers: { Host: 'example.com' } },
      { accessKey: 'AccessKey', secretKey: 'SecretKey' },
      { date: new Date('2019-11-15T03:36:55Z') },
    );
    expect(headers.Host).toBe('example.com');
    expect(parseAuthorization(headers.Authorization ?? '')?.signature).toBe(
      '919ad8b75d4ad49da0d377e63ee21c4a7a54b752f6bf2878b4adbe9c19927da6',
    );
  });
});

describe('canonical parts', () => {
  it('encodes and sorts the canonical-query vector', () => {
    const expected =
      'enable=true&limit=1&multi=1&multi=2&multi=3&path=%2Ftmp%2F123&test=%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29';
    const pairs: [string, string][] = [
      ['limit', '1'],
      ['enable', 'true'],
      ['test', '一 (&=?!#%.*)'],
      ['path', '/tmp/123'],
      ['multi', '3'],
      ['multi', '1'],
      ['multi', '2'],
    ];
    expect(canonicalQueryString(new URLSearchParams(pairs))).toBe(expected);
    expect(canonicalQueryString(new URLSearchParams(pairs).toString())).toBe(expected);
  });

  it.each<[string, string]>([
    ['', ''],
    ['a=', 'a='],
    ['b=2&a=1', 'a=1&b=2'],
    ['q=a+b', 'q=a%20b'],
    ['k=~-_.', 'k=~-_.'],
    ["k=!'()*", 'k=%21%27%28%29%2A'],
  ])('query %j becomes %j', (query, canonical) => {
    expect(canonicalQueryString(query)).toBe(canonical);
  });

  it.each<[string, string]>([
    ['', '/'],
    ['/', '/'],
    ['/path', '/path/'],
    ['/v1/p/vpcs/', '/v1/p/vpcs/'],
    ['/a b/c', '/a%20b/c/'],
    ['/a%20b/c', '/a%20b/c/'],
    ['/x*y', '/x%2Ay/'],
  ])('path %j becomes %j', (path, canonical) => {
    expect(canonicalUri(path)).toBe(canonical);
  });

  it('percent-encodes every byte outside the unreserved set in upper-case hex', () => {
    expect(percentEncode('aZ09-_.~ /é')).toBe('aZ09-_.~%20%2F%C3%A9');
  });

  it('hashes an absent body as the empty string', () => {
    expect(emptyBodySha256).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});

describe('signRequest', () => {
  const credentials = { accessKey: 'AK', secretKey: 'SK' };
  const date = new Date('2024-01-02T03:04:05.678Z');

  it.each<[string, string]>([
    ['https://csbs.example.com:8443/v1/p/checkpoint_items', 'csbs.example.com:8443'],
    ['https://csbs.example.com:443/v1/p/checkpoint_items', 'csbs.example.com'],
    ['http://localhost:80/v1/p/checkpoint_items', 'localhost'],
    ['http://127.0.0.1:3000/v1/p/checkpoint_items', '127.0.0.1:3000'],
  ])('sets Host for %s to %s', (url, host) => {
    expect(signRequest({ method: 'GET', url, headers: {} }, credentials, { date }).Host).toBe(host);
  });

  it('adds the date, project id and security token, and signs them', () => {
    const headers = signRequest(
      {
        method: 'GET',
        url: 'https://csbs.example.com/v1/p/checkpoint_items',
        headers: { Accept: 'application/json' },
      },
      { ...credentials, securityToken: 'tok' },
      { date, projectId: 'p' },
    );
    expect(headers).toMatchObject({
      Accept: 'application/json',
      'X-Sdk-Date': '20240102T030405Z',
      Host: 'csbs.example.com',
      'X-Project-Id': 'p',
      'X-Security-Token': 'tok',
    });
    expect(parseAuthorization(headers.Authorization ?? '')?.signedHeaders).toEqual([
      'host',
      'x-project-id',
      'x-sdk-date',
      'x-security-token',
    ]);
  });

  it('signs content-type only when there is a body', () => {
    const request = {
      method: 'POST',
      url: 'https://csbs.example.com/v1/p/csbs_backup/resource_instances/action',
      headers: { 'Content-Type': 'application/json' },
    };
    const withBody = signRequest({ ...request, body: '{"action":"count"}' }, credentials, { date });
    const withoutBody = signRequest(request, credentials, { date });
    expect(parseAuthorization(withBody.Authorization ?? '')?.signedHeaders).toEqual([
      'content-type',
      'host',
      'x-sdk-date',
    ]);
    expect(parseAuthorization(withoutBody.Authorization ?? '')?.signedHeaders).toEqual([
      'host',
      'x-sdk-date',
    ]);
  });

  it('leaves out project id and security token when not given, and does not touch the input', () => {
    const input = { 'Content-Type': 'application/json' };
    const headers = signRequest({ method: 'GET', url: 'https://h/x', headers: input }, credentials, { date });
    expect(Object.keys(headers).sort()).toEqual(['Authorization', 'Content-Type', 'Host', 'X-Sdk-Date']);
    expect(input).toEqual({ 'Content-Type': 'application/json' });
  });

  it('produces a signature the verifier side recomputes from the headers it receives', () => {
    const request = {
      method: 'POST',
      url: 'https://h/v1/p/a?b=1',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    };
    const headers = signRequest(request, credentials, { date, projectId: 'p' });
    const parts = parseAuthorization(headers.Authorization ?? '');
    expect(parts).toBeDefined();
    const recomputed = signatureOf({ ...request, headers }, parts?.signedHeaders ?? [], 'SK');
    expect(signaturesEqual(recomputed, parts?.signature ?? '')).toBe(true);
    expect(signatureOf({ ...request, headers, body: '{ }' }, parts?.signedHeaders ?? [], 'SK')).not.toBe(
      parts?.signature,
    );
  });
});

describe('Authorization and X-Sdk-Date helpers', () => {
  it('parses what it formats', () => {
    const parts = {
      accessKey: 'QTWAOYTTINDUT2QVKYUC',
      signedHeaders: ['host', 'x-sdk-date'],
      signature: 'ab12',
    };
    expect(parseAuthorization(formatAuthorization(parts))).toEqual(parts);
  });

  it('reads upper-case hex and extra spaces', () => {
    expect(
      parseAuthorization('  SDK-HMAC-SHA256  Access=AK,SignedHeaders=Host;X-Sdk-Date,  Signature=ABCDEF '),
    ).toEqual({
      accessKey: 'AK',
      signedHeaders: ['host', 'x-sdk-date'],
      signature: 'abcdef',
    });
  });

  it.each([
    ['a bearer token', 'Bearer abc'],
    ['a comma after the algorithm', 'SDK-HMAC-SHA256, Access=AK, SignedHeaders=host, Signature=ab'],
    ['another algorithm', 'AWS4-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=ab'],
    ['no signature', 'SDK-HMAC-SHA256 Access=AK, SignedHeaders=host'],
    ['a signature that is not hex', 'SDK-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=xyz'],
    ['the empty string', ''],
  ])('rejects %s', (_, value) => {
    expect(parseAuthorization(value)).toBeUndefined();
  });

  it('formats X-Sdk-Date in basic ISO 8601, dropping milliseconds', () => {
    expect(formatSdkDate(new Date(Date.UTC(2019, 10, 15, 3, 36, 55, 999)))).toBe('20191115T033655Z');
    expect(formatSdkDate(new Date(Date.UTC(2006, 0, 2, 15, 4, 5)))).toBe('20060102T150405Z');
  });

  it('parses X-Sdk-Date', () => {
    expect(parseSdkDate('20191115T033655Z')?.getTime()).toBe(Date.UTC(2019, 10, 15, 3, 36, 55));
    expect(parseSdkDate('20160229T000000Z')?.getTime()).toBe(Date.UTC(2016, 1, 29));
  });

  it.each([
    ['extended ISO 8601', '2019-11-15T03:36:55Z'],
    ['no Z', '20191115T033655'],
    ['February 30', '20190230T000000Z'],
    ['February 29 of a common year', '20190229T000000Z'],
    ['hour 25', '20191115T250000Z'],
    ['minute 60', '20191115T036055Z'],
    ['the empty string', ''],
  ])('rejects %s as X-Sdk-Date', (_, text) => {
    expect(parseSdkDate(text)).toBeUndefined();
  });

  it('compares signatures', () => {
    expect(signaturesEqual('abc', 'abc')).toBe(true);
    expect(signaturesEqual('abc', 'abd')).toBe(false);
    expect(signaturesEqual('abc', 'abcd')).toBe(false);
  });
});
