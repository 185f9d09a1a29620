import {
  canonicalRequest,
  computeScopedSignature,
  formatScopedAuthorization,
  type ReceivedAuthorization,
  readAuthorization,
  type SignableRequest,
  scopedStringToSign,
  signRequest,
  verifySignature,
} from '../src/signing/index.js';

/*
 * What does the scoped form (derived key: four more HMACs) cost a verifier? The baseline is
 * verifying the Access= form of the same listing request, in the same run; repeated rounds,
 * best of the medians.
 */

const now = new Date('2026-03-01T12:00:00Z');
const url =
  'http://127.0.0.1:8080/v1/3d0e8b1c5a2f4e6d9b7c1a0f2e4d6c8b/checkpoint_items?limit=100&sort=name:asc&status=available';
const credentials = {
  accessKey: 'DEMOACCESSKEY0000001',
  secretKey: 'demo-secret-key-0000000000000000000000001',
};
const accessHeaders = signRequest({ method: 'GET', url, headers: {} }, credentials, {
  date: now,
  projectId: 'p',
});
const access: SignableRequest = { method: 'GET', url: new URL(url), headers: accessHeaders };

const scope = { date: '20260301', region: '', service: '' };
const names = ['host', 'x-project-id', 'x-sdk-date'];
const scopedHeaders = { ...accessHeaders };
const signature = computeScopedSignature(
  credentials.secretKey,
  scope,
  scopedStringToSign(scopedHeaders['X-Sdk-Date'] ?? '', scope, canonicalRequest(access, names)),
);
scopedHeaders.Authorization = formatScopedAuthorization({
  accessKey: credentials.accessKey,
  scope,
  signedHeaders: names,
  signature,
});
const scoped: SignableRequest = { ...access, headers: scopedHeaders };

const read = (r: SignableRequest) =>
  readAuthorization(String(r.headers.Authorization)) as ReceivedAuthorization;
const verify = (r: SignableRequest) => {
  if (!verifySignature(r, read(r), credentials.secretKey, { now }).ok) throw new Error('not verified');
};
verify(access);
verify(scoped);

function medianUs(run: () => void, n: number): number {
  for (let i = 0; i < n / 4; i++) run();
  const times: number[] = [];
  for (let batch = 0; batch < 31; batch++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) run();
    times.push(Number(process.hrtime.bigint() - start) / 1e3 / n);
  }
  times.sort((a, b) => a - b);
  return times[15] as number;
}

const perBatch = Number(process.env.BENCH_SIGNING_BATCH ?? 2000);
const accessRuns: number[] = [];
const scopedRuns: number[] = [];
for (let round = 0; round < 3; round++) {
  accessRuns.push(medianUs(() => verify(access), perBatch));
  scopedRuns.push(medianUs(() => verify(scoped), perBatch));
}
const accessUs = Math.min(...accessRuns);
const scopedUs = Math.min(...scopedRuns);
console.log(`\nverifying a signed listing request (${perBatch} per batch, median of 31, best of 3 rounds)`);
console.log(`Access= form (baseline)     : ${accessUs.toFixed(2)} µs`);
console.log(`Credential= (scoped) form   : ${scopedUs.toFixed(2)} µs`);
console.log(
  `ratio, scoped / Access=     : ${(scopedUs / accessUs).toFixed(2)}x (the derived key: four more HMACs)`,
);
