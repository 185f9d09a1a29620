import {
  canonicalRequest,
  computeSignature,
  parseAuthorization,
  parseSdkDate,
  signaturesEqual,
  stringToSign,
} from '@csbs-kit/models/signing';
import { errorCodes } from '../error-codes.js';
import { EmulatorHttpError } from '../errors.js';
import type { CredentialRegistry, Principal } from './credential-registry.js';

/** The gateway's window for `X-Sdk-Date`. */
export const signatureWindowMs = 15 * 60 * 1000;

/** A request as authentication sees it: exactly as received. */
export interface ReceivedRequest {
  method: string;
  /** The request target as received: path and query. */
  rawUrl: string;
  /** Lower-case names, as node:http gives them. */
  headers: Readonly<Record<string, string | string[] | undefined>>;
  body: Uint8Array;
}

const unauthorized = (message: string) => new EmulatorHttpError(401, errorCodes.authFailed, message);

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

function flatHeaders(headers: ReceivedRequest['headers']): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers)) out[name] = single(value);
  return out;
}

function verifySignature(
  registry: CredentialRegistry,
  request: ReceivedRequest,
  authorization: string,
  nowMs: number,
): Principal {
  const parts = parseAuthorization(authorization);
  if (!parts) {
    throw unauthorized('Authorization is not "SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…"');
  }
  const credential = registry.accessKey(parts.accessKey);
  if (!credential) throw unauthorized('the access key is not known');
  if (!parts.signedHeaders.includes('x-sdk-date')) throw unauthorized('x-sdk-date must be a signed header');
  const sdkDate = single(request.headers['x-sdk-date']) ?? '';
  const signedAt = parseSdkDate(sdkDate);
  if (!signedAt) throw unauthorized('X-Sdk-Date must be YYYYMMDDTHHMMSSZ');
  if (Math.abs(signedAt.getTime() - nowMs) > signatureWindowMs) {
    throw unauthorized("X-Sdk-Date is more than 15 minutes from the server's clock");
  }
  const securityToken = single(request.headers['x-security-token']);
  if (securityToken !== undefined && !parts.signedHeaders.includes('x-security-token')) {
    throw unauthorized('x-security-token must be a signed header');
  }
  if (credential.security_token !== undefined) {
    if (securityToken === undefined) throw unauthorized('temporary credentials need X-Security-Token');
    if (!signaturesEqual(securityToken, credential.security_token)) {
      throw unauthorized('X-Security-Token does not belong to the access key');
    }
  }
  let url: URL;
  try {
    url = new URL(
      request.rawUrl.startsWith('/') ? `http://emulator.invalid${request.rawUrl}` : request.rawUrl,
    );
  } catch {
    throw unauthorized('the request target cannot be read');
  }
  const canonical = canonicalRequest(
    { method: request.method, url, headers: flatHeaders(request.headers), body: request.body },
    parts.signedHeaders,
  );
  const expected = computeSignature(credential.secret_key, stringToSign(sdkDate, canonical));
  if (!signaturesEqual(expected, parts.signature)) throw unauthorized('the signature does not match');
  return { projectId: credential.project_id, admin: credential.admin === true };
}

/**
 * Decides who a CSBS request acts for: an `X-Auth-Token` (from the data, or issued by the
 * IAM endpoint and not expired), else an AK/SK signature checked over the request as
 * received. Throws a 401 `EmulatorHttpError` otherwise. Messages never echo a secret.
 */
export function authenticate(registry: CredentialRegistry, request: ReceivedRequest, now: Date): Principal {
  const nowMs = now.getTime();
  const token = single(request.headers['x-auth-token']);
  if (token !== undefined && token !== '') {
    const principal = registry.principalOfToken(token, nowMs);
    if (principal === 'expired') throw unauthorized('the token has expired');
    if (!principal) throw unauthorized('the token is not valid');
    return principal;
  }
  const authorization = single(request.headers.authorization);
  if (authorization !== undefined && authorization !== '') {
    return verifySignature(registry, request, authorization, nowMs);
  }
  throw unauthorized('no credentials: send X-Auth-Token or sign the request with an AK/SK (Authorization)');
}
