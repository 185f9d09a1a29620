import { nodeCrypto } from './node-crypto.js';

/** A request as the signer sees it: the URL as sent and the headers to be signed. */
export interface SignableRequest {
  method: string;
  url: string | URL;
  /** Header names in any case; only those listed as signed are read. */
  headers: Readonly<Record<string, string | undefined>>;
  /** The body bytes exactly as sent; absent or empty for GET. */
  body?: string | Uint8Array | undefined;
}

export const emptyBodySha256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** RFC 3986 percent-encoding: unreserved characters stay, every other UTF-8 byte is `%XY`. */
export function percentEncode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Each path segment encoded (as the official SDKs do, from the decoded path), ending in `/`. */
export function canonicalUri(pathname: string): string {
  const encoded = pathname
    .split('/')
    .map((segment) => percentEncode(safeDecode(segment)))
    .join('/');
  return encoded.endsWith('/') ? encoded : `${encoded}/`;
}

const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** `name=value` pairs encoded, sorted by name then value in byte order, joined with `&`. */
export function canonicalQueryString(search: string | URLSearchParams): string {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  return [...params]
    .sort(([an, av], [bn, bv]) => byteOrder(an, bn) || byteOrder(av, bv))
    .map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`)
    .join('&');
}

export function headerValue(headers: SignableRequest['headers'], lowerName: string): string {
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() === lowerName && value !== undefined) return value;
  }
  return '';
}

export function sha256Hex(data: string | Uint8Array): string {
  return nodeCrypto().createHash('sha256').update(data).digest('hex');
}

/**
 * The six lines that are hashed and signed (see docs/api.md (AK/SK signing)). `signedHeaders` are
 * lower-case names; the canonical form sorts them. `payloadHash` replaces the body's hash
 * when a signed `X-Sdk-Content-Sha256` says what it is (`UNSIGNED-PAYLOAD`, as the official
 * Node.js SDK sends for bodies that are not JSON).
 */
export function canonicalRequest(
  request: SignableRequest,
  signedHeaders: readonly string[],
  payloadHash?: string,
): string {
  const url = typeof request.url === 'string' ? new URL(request.url) : request.url;
  const names = [...new Set(signedHeaders.map((h) => h.toLowerCase()))].sort();
  const headerLines = names.map((name) => `${name}:${headerValue(request.headers, name).trim()}\n`).join('');
  const body = request.body;
  const bodyHash =
    payloadHash ?? (body === undefined || body.length === 0 ? emptyBodySha256 : sha256Hex(body));
  return [
    request.method.toUpperCase(),
    canonicalUri(url.pathname),
    canonicalQueryString(url.searchParams),
    headerLines,
    names.join(';'),
    bodyHash,
  ].join('\n');
}
