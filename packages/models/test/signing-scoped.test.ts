import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CredentialScope,
  canonicalRequest,
  computeScopedSignature,
  derivedSigningKey,
  formatScopedAuthorization,
  formatSdkDate,
  type ReceivedAuthorization,
  readAuthorization,
  type SignableRequest,
  scopedStringToSign,
  sha256Hex,
  signRequest,
  verifySignature,
} from '../src/signing/index.js';

// The scoped vectors of docs/api.md (AK/SK signing), made by gophertelekomcloud's own signer.
const accessKey = 'QTWAOYTTINDUT2QVKYUC';
const secretKey = 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc';
const project = '77b6a44cba5143ab91d13ab9a8ff44fd';
const host = 'csbs.eu-de.otc.t-systems.com';
const signedAt = new Date('2019-11-15T03:36:55Z');

const s1Signature = '3645b06efbf1fdaa056422b5672e5d96259c8eeb85a4680f0e82b43ddb876d42';
const s1: SignableRequest = {
  method: 'GET',
  url: `https://${host}/v1/${project}/checkpoint_items?limit=2&status=available`,
  headers: {
    Host: host,
    'X-Sdk-Date': '20191115T033655Z',
    Authorization: `SDK-HMAC-SHA256 Credential=${accessKey}/20191115///sdk_request, SignedHeaders=host;x-sdk-date, Signature=${s1Signature}`,
  },
};
const s2Signature = 'c638d18c784e92cb8922aef362cf069898af8504fb365129377555317f460709';
const s2: SignableRequest = {
  method: 'POST',
  url: `https://${host}/v1/${project}/csbs_backup/resource_instances/action`,
  headers: {
    'Content-Type': 'application/json',
    Host: host,
    'X-Sdk-Date': '20191115T033655Z',
    Authorization: `SDK-HMAC-SHA256 Credential=${accessKey}/20191115/eu-de/data-protect/sdk_request, SignedHeaders=content-type;host;x-sdk-date, Signature=${s2Signature}`,
  },
  body: '{"action":"count"}',
};

function authorizationOf(request: SignableRequest): ReceivedAuthorization {
  const read = readAuthorization(String(request.headers.Authorization));
  if (read === undefined || read.form === 'unsupported') throw new Error('not an SDK-HMAC-SHA256 header');
  return read;
}

const verify = (request: SignableRequest, now = signedAt, key = secretKey) =>
  verifySignature(request, authorizationOf(request), key, { now });

describe('S1 and S2, the scoped form', () => {
  it('S1: reads the empty region and service and builds the printed string to sign', () => {
    const auth = authorizationOf(s1);
    expect(auth).toEqual({
      form: 'scoped',
      accessKey,
      scope: { date: '20191115', region: '', service: '' },
      signedHeaders: ['host', 'x-sdk-date'],
      signature: s1Signature,
    });
    if (auth.form !== 'scoped') return;
    const toSign = scopedStringToSign(
      '20191115T033655Z',
      auth.scope,
      canonicalRequest(s1, auth.signedHeaders),
    );
    expect(toSign).toBe(
      'SDK-HMAC-SHA256\n20191115T033655Z\n20191115///sdk_request\n3eb2684890af0bc2730081e0bfd4dac136577f61bdbd084f3148e36cddcc5666',
    );
    expect(computeScopedSignature(secretKey, auth.scope, toSign)).toBe(s1Signature);
  });

  it('S1 and S2 verify with the derived key, the region and service taken from the scope', () => {
    expect(verify(s1)).toEqual({ ok: true });
    expect(verify(s2)).toEqual({ ok: true });
    expect(authorizationOf(s2)).toMatchObject({ scope: { region: 'eu-de', service: 'data-protect' } });
  });

  it('formats the header the way gophertelekomcloud does', () => {
    const auth = authorizationOf(s2);
    if (auth.form !== 'scoped') throw new Error('scoped expected');
    expect(formatScopedAuthorization(auth)).toBe(s2.headers.Authorization);
  });

  it('refuses a changed body, query, header, region or key', () => {
    const mismatch = { ok: false, reason: 'the signature does not match' };
    expect(verify({ ...s2, body: '{"action":"filter"}' })).toEqual(mismatch);
    expect(verify({ ...s1, url: String(s1.url).replace('limit=2', 'limit=3') })).toEqual(mismatch);
    expect(verify({ ...s2, headers: { ...s2.headers, 'Content-Type': 'text/plain' } })).toEqual(mismatch);
    const otherRegion = String(s2.headers.Authorization).replace('/eu-de/', '/eu-nl/');
    expect(verify({ ...s2, headers: { ...s2.headers, Authorization: otherRegion } })).toEqual(mismatch);
    expect(verify(s1, signedAt, `${secretKey}x`)).toEqual(mismatch);
  });

  it('refuses a scope date that is not the date of X-Sdk-Date, even within the window', () => {
    // 00:05 on the 16th is within 15 minutes of 23:55 on the 15th; the scope must still agree.
    const request: SignableRequest = {
      ...s1,
      headers: {
        ...s1.headers,
        'X-Sdk-Date': '20191116T000500Z',
        Authorization: String(s1.headers.Authorization),
      },
    };
    const verdict = verify(request, new Date('2019-11-16T00:05:00Z'));
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.reason).toContain('scope');
  });

  it('applies the same 15-minute window as the Access= form', () => {
    expect(verify(s1, new Date(signedAt.getTime() + 15 * 60_000))).toEqual({ ok: true });
    expect(verify(s1, new Date(signedAt.getTime() - 15 * 60_000))).toEqual({ ok: true });
    const late = verify(s1, new Date(signedAt.getTime() + 15 * 60_000 + 1000));
    expect(!late.ok && late.reason).toContain('15 minutes');
  });

  it('needs x-sdk-date among the signed headers', () => {
    const header = String(s1.headers.Authorization).replace('host;x-sdk-date', 'host');
    const verdict = verify({ ...s1, headers: { ...s1.headers, Authorization: header } });
    expect(!verdict.ok && verdict.reason).toContain('x-sdk-date must be a signed header');
  });
});

describe('readAuthorization', () => {
  it('reads the Access= form as before', () => {
    expect(
      readAuthorization('SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=ABCD'),
    ).toEqual({ form: 'access', accessKey: 'AK', signedHeaders: ['host', 'x-sdk-date'], signature: 'abcd' });
  });

  it('names V11-HMAC-SHA256 as an unsupported algorithm', () => {
    expect(
      readAuthorization(
        'V11-HMAC-SHA256 Credential=AK/20240101/eu-de/csbs, SignedHeaders=host, Signature=ab',
      ),
    ).toEqual({ form: 'unsupported', algorithm: 'V11-HMAC-SHA256' });
  });

  it.each([
    [
      'a scope without the terminator',
      'SDK-HMAC-SHA256 Credential=AK/20191115//, SignedHeaders=host, Signature=ab',
    ],
    [
      'a scope date of seven digits',
      'SDK-HMAC-SHA256 Credential=AK/2019111///sdk_request, SignedHeaders=host, Signature=ab',
    ],
    ['no access key', 'SDK-HMAC-SHA256 Credential=/20191115///sdk_request, SignedHeaders=host, Signature=ab'],
    ['a bearer token', 'Bearer abc'],
  ])('rejects %s', (_, value) => {
    expect(readAuthorization(value)).toBeUndefined();
  });
});

describe('X-Sdk-Content-Sha256 (the official Node.js SDK)', () => {
  const base = {
    method: 'GET',
    url: 'http://127.0.0.1:8080/v1/p/checkpoint_items?limit=1',
    headers: { Host: '127.0.0.1:8080' },
  };
  const date = new Date('2024-01-15T10:00:00Z');
  function signedWith(contentSha: string, body?: string) {
    const headers: Record<string, string> = {
      ...base.headers,
      'X-Sdk-Date': formatSdkDate(date),
      'X-Sdk-Content-Sha256': contentSha,
    };
    const request: SignableRequest = { ...base, headers, body };
    const names = ['host', 'x-sdk-content-sha256', 'x-sdk-date'];
    const canonical = canonicalRequest(request, names, contentSha);
    const scope: CredentialScope = { date: '20240115', region: '', service: '' };
    const signature = computeScopedSignature(
      'SK',
      scope,
      scopedStringToSign(formatSdkDate(date), scope, canonical),
    );
    headers.Authorization = formatScopedAuthorization({
      accessKey: 'AK',
      scope,
      signedHeaders: names,
      signature,
    });
    return request;
  }

  it('takes UNSIGNED-PAYLOAD as the payload line when the header is signed', () => {
    expect(verify(signedWith('UNSIGNED-PAYLOAD'), date, 'SK')).toEqual({ ok: true });
  });

  it('takes a declared hash only when it is the body hash', () => {
    const body = '{"a":1}';
    expect(verify(signedWith(sha256Hex(body), body), date, 'SK')).toEqual({ ok: true });
    const lie = verify({ ...signedWith(sha256Hex(body), body), body: '{"a":2}' }, date, 'SK');
    expect(!lie.ok && lie.reason).toContain('X-Sdk-Content-Sha256');
  });
});

describe('properties', () => {
  const token = fc.stringMatching(/^[A-Za-z0-9._~-]{1,12}$/);
  const request = fc.record({
    method: fc.constantFrom('GET', 'POST'),
    segments: fc.array(token, { minLength: 1, maxLength: 4 }),
    query: fc.array(fc.tuple(token, fc.string({ maxLength: 8 })), { maxLength: 4 }),
    body: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
    region: fc.constantFrom('', 'eu-de', 'ap-southeast-1'),
    service: fc.constantFrom('', 'data-protect', 'csbs'),
    offsetMs: fc.integer({ min: -15 * 60_000, max: 15 * 60_000 }),
  });

  it('a request signed in the scoped form verifies, and no longer does when its body changes', () => {
    fc.assert(
      fc.property(request, (r) => {
        const now = new Date('2025-06-30T23:50:00Z');
        const date = new Date(now.getTime() + r.offsetMs);
        const url = new URL(`http://h.example:81/${r.segments.join('/')}`);
        for (const [k, v] of r.query) url.searchParams.append(k, v);
        // Sign with the Access= signer for the headers, then re-sign the same canonical
        // request in the scoped form, as a gophertelekomcloud client would.
        const headers = signRequest(
          { method: r.method, url, headers: {}, body: r.body },
          { accessKey: 'AK', secretKey: 'SK' },
          { date },
        );
        const sdkDate = headers['X-Sdk-Date'] ?? '';
        const scope = { date: sdkDate.slice(0, 8), region: r.region, service: r.service };
        const names = ['host', 'x-sdk-date'];
        const signable: SignableRequest = { method: r.method, url, headers, body: r.body };
        const signature = computeScopedSignature(
          'SK',
          scope,
          scopedStringToSign(sdkDate, scope, canonicalRequest(signable, names)),
        );
        headers.Authorization = formatScopedAuthorization({
          accessKey: 'AK',
          scope,
          signedHeaders: names,
          signature,
        });
        expect(verify(signable, now, 'SK')).toEqual({ ok: true });
        expect(verify({ ...signable, body: `${r.body ?? ''}x` }, now, 'SK').ok).toBe(false);
      }),
    );
  });
});

describe('derivedSigningKey', () => {
  it('is the HMAC chain of the spec, computed with node:crypto step by step', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.stringMatching(/^\d{8}$/),
        fc.string(),
        fc.string(),
        (sk, date, region, service) => {
          const step = (key: string | Buffer, data: string) =>
            createHmac('sha256', key).update(data).digest();
          const expected = step(step(step(step(`SDK${sk}`, date), region), service), 'sdk_request');
          expect(derivedSigningKey(sk, { date, region, service }).equals(expected)).toBe(true);
          const scope = { date, region, service };
          expect(computeScopedSignature(sk, scope, region)).toBe(
            createHmac('sha256', expected).update(region).digest('hex'),
          );
        },
      ),
    );
  });
});
