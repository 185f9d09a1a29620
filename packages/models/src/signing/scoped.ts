import { createHmac } from 'node:crypto';
import { sha256Hex } from './canonical.js';
import { signingAlgorithm } from './sign.js';

/**
 * The credential scope of the second `SDK-HMAC-SHA256` form, the one gophertelekomcloud (and
 * so the Terraform provider) and the old Huawei Python SDK send:
 * `<YYYYMMDD>/<region>/<service>/sdk_request`. Region and service may be empty.
 */
export interface CredentialScope {
  /** `YYYYMMDD`, the first eight characters of `X-Sdk-Date`. */
  date: string;
  region: string;
  service: string;
}

/** The last part of every scope. */
export const scopeTerminator = 'sdk_request';

export function formatScope(scope: CredentialScope): string {
  return `${scope.date}/${scope.region}/${scope.service}/${scopeTerminator}`;
}

/** Reads `<YYYYMMDD>/<region>/<service>/sdk_request`; `undefined` when it is not that. */
export function parseScope(text: string): CredentialScope | undefined {
  const m = /^(\d{8})\/([^/]*)\/([^/]*)\/sdk_request$/.exec(text);
  return m ? { date: m[1]!, region: m[2]!, service: m[3]! } : undefined;
}

/**
 * The derived signing key, an HMAC chain in the manner of AWS Signature V4:
 * `HMAC(HMAC(HMAC(HMAC("SDK" + SK, date), region), service), "sdk_request")`.
 */
export function derivedSigningKey(secretKey: string, scope: CredentialScope): Buffer {
  const step = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
  return step(step(step(step(`SDK${secretKey}`, scope.date), scope.region), scope.service), scopeTerminator);
}

/** `SDK-HMAC-SHA256\n<X-Sdk-Date>\n<scope>\n<hex SHA-256 of the canonical request>`. */
export function scopedStringToSign(sdkDate: string, scope: CredentialScope, canonical: string): string {
  return `${signingAlgorithm}\n${sdkDate}\n${formatScope(scope)}\n${sha256Hex(canonical)}`;
}

export function computeScopedSignature(secretKey: string, scope: CredentialScope, toSign: string): string {
  return createHmac('sha256', derivedSigningKey(secretKey, scope)).update(toSign).digest('hex');
}
