import { canonicalRequest, type SignableRequest, sha256Hex } from './canonical.js';
import { nodeCrypto } from './node-crypto.js';

export const signingAlgorithm = 'SDK-HMAC-SHA256';

/** `20191115T033655Z`: basic ISO 8601 in UTC, as `X-Sdk-Date` carries it. */
export function formatSdkDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

export function parseSdkDate(text: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.000Z`;
  const date = new Date(iso);
  // `Date` rolls impossible days over (Feb 30 becomes Mar 2); only a date that prints back
  // unchanged is a real one.
  return Number.isNaN(date.getTime()) || date.toISOString() !== iso ? undefined : date;
}

export function stringToSign(sdkDate: string, canonical: string): string {
  return `${signingAlgorithm}\n${sdkDate}\n${sha256Hex(canonical)}`;
}

export function computeSignature(secretKey: string, toSign: string): string {
  return nodeCrypto().createHmac('sha256', secretKey).update(toSign).digest('hex');
}

/** Compares two hex signatures in constant time. */
export function signaturesEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && nodeCrypto().timingSafeEqual(x, y);
}

export interface AuthorizationParts {
  accessKey: string;
  signedHeaders: string[];
  signature: string;
}

export function formatAuthorization(parts: AuthorizationParts): string {
  return `${signingAlgorithm} Access=${parts.accessKey}, SignedHeaders=${parts.signedHeaders.join(';')}, Signature=${parts.signature}`;
}

/** Reads `SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…`; `undefined` when it is not that. */
export function parseAuthorization(value: string): AuthorizationParts | undefined {
  const m =
    /^SDK-HMAC-SHA256\s+Access=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-fA-F]+)\s*$/.exec(
      value.trim(),
    );
  if (!m) return undefined;
  return { accessKey: m[1]!, signedHeaders: m[2]!.toLowerCase().split(';'), signature: m[3]!.toLowerCase() };
}

export interface SigningCredentials {
  accessKey: string;
  secretKey: string;
  /** For temporary credentials: sent and signed as `X-Security-Token`. */
  securityToken?: string | undefined;
}

export interface SignOptions {
  /** Sent and signed as `X-Project-Id`, as regional services like CSBS expect. */
  projectId?: string | undefined;
  /** The signing time; now by default. */
  date?: Date | undefined;
}

/** `host[:port]`, the port only when it is not the scheme's default. */
export function hostHeaderOf(url: URL): string {
  return url.host;
}

/**
 * Signs a request: returns its headers plus `X-Sdk-Date`, `Host`, `X-Project-Id`,
 * `X-Security-Token` (when given) and `Authorization`. Signs `host`, `x-sdk-date`, those
 * two when present, and `content-type` when there is a body.
 */
export function signRequest(
  request: SignableRequest,
  credentials: SigningCredentials,
  options: SignOptions = {},
): Record<string, string> {
  const url = typeof request.url === 'string' ? new URL(request.url) : request.url;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) if (value !== undefined) headers[name] = value;
  const has = (lower: string) => Object.keys(headers).some((n) => n.toLowerCase() === lower);
  const sdkDate = formatSdkDate(options.date ?? new Date());
  headers['X-Sdk-Date'] = sdkDate;
  if (!has('host')) headers.Host = hostHeaderOf(url);
  if (options.projectId !== undefined) headers['X-Project-Id'] = options.projectId;
  if (credentials.securityToken !== undefined) headers['X-Security-Token'] = credentials.securityToken;

  const signedHeaders = ['host', 'x-sdk-date'];
  if (options.projectId !== undefined) signedHeaders.push('x-project-id');
  if (credentials.securityToken !== undefined) signedHeaders.push('x-security-token');
  const hasBody = request.body !== undefined && request.body.length > 0;
  if (hasBody && has('content-type')) signedHeaders.push('content-type');
  signedHeaders.sort();

  const canonical = canonicalRequest({ ...request, url, headers }, signedHeaders);
  const signature = computeSignature(credentials.secretKey, stringToSign(sdkDate, canonical));
  headers.Authorization = formatAuthorization({ accessKey: credentials.accessKey, signedHeaders, signature });
  return headers;
}
