import {
  type CredentialScope,
  canonicalRequest,
  computeScopedSignature,
  formatScopedAuthorization,
  formatSdkDate,
  scopedStringToSign,
} from '@csbs-kit/models/signing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../src/index.js';
import { fixtureData, keys, projectA } from './fixture.js';
import { call, errorOf, ids } from './http.js';

// The scoped `Credential=` form, signed as gophertelekomcloud's signer does: every header it
// has set is signed, X-Project-Id is added afterwards unsigned.
let emu: RunningEmulator;
const clock = new Date('2026-03-01T12:00:00Z');
beforeAll(async () => {
  emu = await startEmulator({ data: fixtureData(), now: () => clock });
});
afterAll(() => emu.close());

interface ScopedCall {
  method?: string;
  path?: string;
  body?: string;
  region?: string;
  service?: string;
  scopeDate?: string;
  date?: Date;
}

function scopedCall(options: ScopedCall = {}) {
  const { method = 'GET', path = `/v1/${projectA}/checkpoint_items?limit=2&sort=name:asc`, body } = options;
  const url = new URL(`${emu.url}${path}`);
  const sdkDate = formatSdkDate(options.date ?? clock);
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Content-Type': 'application/json',
    Host: url.host,
    'User-Agent': 'golangsdk',
    'X-Sdk-Date': sdkDate,
    'X-Auth-Token': '',
  };
  const signed = Object.keys(headers)
    .map((h) => h.toLowerCase())
    .sort();
  const scope: CredentialScope = {
    date: options.scopeDate ?? sdkDate.slice(0, 8),
    region: options.region ?? '',
    service: options.service ?? '',
  };
  const canonical = canonicalRequest({ method, url, headers, body }, signed);
  const signature = computeScopedSignature(
    keys.a.secretKey,
    scope,
    scopedStringToSign(sdkDate, scope, canonical),
  );
  headers.Authorization = formatScopedAuthorization({
    accessKey: keys.a.accessKey,
    scope,
    signedHeaders: signed,
    signature,
  });
  headers['X-Project-Id'] = projectA;
  const { Host: _, ...sent } = headers;
  return call(url.href, { method, headers: sent, body: body ?? null });
}

describe('the scoped SDK-HMAC-SHA256 form over a real socket', () => {
  it('accepts a listing with an empty region and service, as gophertelekomcloud sends it', async () => {
    const res = await scopedCall();
    expect(res.status).toBe(200);
    expect(ids(res.body)).toHaveLength(2);
  });

  it('accepts a tag-query POST scoped to eu-de/data-protect, as the old Python SDK sends it', async () => {
    const res = await scopedCall({
      method: 'POST',
      path: `/v1/${projectA}/csbs_backup/resource_instances/action`,
      body: JSON.stringify({ action: 'count', tags: [{ key: 'env', values: ['prod'] }] }),
      region: 'eu-de',
      service: 'data-protect',
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ total_count: 3 });
  });

  it('refuses a scope date other than X-Sdk-Date, and a stale date', async () => {
    const otherDay = await scopedCall({ scopeDate: '20260228' });
    expect(otherDay.status).toBe(401);
    expect(errorOf(otherDay.body)).toMatchObject({ error_code: 'APIGW.0301' });
    expect(errorOf(otherDay.body).error_msg).toContain('scope');
    const stale = await scopedCall({ date: new Date(clock.getTime() - 16 * 60_000) });
    expect(errorOf(stale.body).error_msg).toContain('15 minutes');
  });

  it('answers V11-HMAC-SHA256 with a 401 that names the algorithm', async () => {
    const res = await call(`${emu.url}/v1/${projectA}/checkpoint_items`, {
      headers: {
        'X-Sdk-Date': formatSdkDate(clock),
        Authorization: `V11-HMAC-SHA256 Credential=${keys.a.accessKey}/20260301/eu-de/csbs, SignedHeaders=host;x-sdk-date, Signature=abcd`,
      },
    });
    expect(res.status).toBe(401);
    expect(errorOf(res.body)).toMatchObject({ error_code: 'APIGW.0301' });
    expect(errorOf(res.body).error_msg).toContain('V11-HMAC-SHA256 is not supported');
  });
});
