import {
  signatureWindowMs as modelsSignatureWindowMs,
  readAuthorization,
  signaturesEqual,
  verifySignature as verifyReceivedSignature,
} from '@csbs-kit/models/signing';
import { errorCodes } from '../error-codes.js';
import { EmulatorHttpError } from '../errors.js';
import type { CredentialRegistry, Principal } from './credential-registry.js';

/** The gateway's window for `X-Sdk-Date`. */
export const signatureWindowMs = modelsSignatureWindowMs;

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
  now: Date,
): Principal {
  const parts = readAuthorization(authorization);
  if (parts?.form === 'unsupported') {
    throw unauthorized(
      `the signing algorithm ${parts.algorithm} is not supported; sign with SDK-HMAC-SHA256`,
    );
  }
  if (!parts) {
    throw unauthorized(
      'Authorization is not "SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…" nor its Credential=<AK>/<scope> form',
    );
  }
  const credential = registry.accessKey(parts.accessKey);
  if (!credential) throw unauthorized('the access key is not known');
  const securityToken = single(request.headers['x-security-token']);
  if (securityToken !== undefined && !parts.signedHeaders.includes('x-security-token')) {
    throw unauthorized('x-security-token must be a signed header');
  }
  let url: URL;
  try {
    url = new URL(
      request.rawUrl.startsWith('/') ? `http://emulator.invalid${request.rawUrl}` : request.rawUrl,
    );
  } catch {
    throw unauthorized('the request target cannot be read');
  }
  const verdict = verifyReceivedSignature(
    { method: request.method, url, headers: flatHeaders(request.headers), body: request.body },
    parts,
    credential.secret_key,
    { now, windowMs: signatureWindowMs },
  );
  // The date and window come first: a stale request is refused as stale whatever else is wrong.
  if (!verdict.ok && verdict.reason !== 'the signature does not match') throw unauthorized(verdict.reason);
  if (credential.security_token !== undefined) {
    if (securityToken === undefined) throw unauthorized('temporary credentials need X-Security-Token');
    if (!signaturesEqual(securityToken, credential.security_token)) {
      throw unauthorized('X-Security-Token does not belong to the access key');
    }
  }
  if (!verdict.ok) throw unauthorized(verdict.reason);
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
    return verifySignature(registry, request, authorization, now);
  }
  throw unauthorized('no credentials: send X-Auth-Token or sign the request with an AK/SK (Authorization)');
}
