import { canonicalRequest, headerValue, type SignableRequest, sha256Hex } from './canonical.js';
import {
  type CredentialScope,
  computeScopedSignature,
  formatScope,
  parseScope,
  scopedStringToSign,
} from './scoped.js';
import { computeSignature, parseSdkDate, signaturesEqual, signingAlgorithm, stringToSign } from './sign.js';

/** The gateway's window for `X-Sdk-Date`, either way from its clock. */
export const signatureWindowMs = 15 * 60 * 1000;

/** An `Authorization` header of either `SDK-HMAC-SHA256` form, as received. */
export type ReceivedAuthorization =
  | { form: 'access'; accessKey: string; signedHeaders: string[]; signature: string }
  | {
      form: 'scoped';
      accessKey: string;
      scope: CredentialScope;
      signedHeaders: string[];
      signature: string;
    };

/** An algorithm that is recognisably a signature, but not one this verifier checks. */
export interface UnsupportedAuthorization {
  form: 'unsupported';
  algorithm: string;
}

const sdkHeader =
  /^SDK-HMAC-SHA256\s+(Access|Credential)=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-fA-F]+)\s*$/;

/**
 * Reads `SDK-HMAC-SHA256 Access=<AK>, …` or `SDK-HMAC-SHA256 Credential=<AK>/<scope>, …`;
 * names another `*-HMAC-*` algorithm (`V11-HMAC-SHA256`) as unsupported; `undefined` for
 * anything else.
 */
export function readAuthorization(
  value: string,
): ReceivedAuthorization | UnsupportedAuthorization | undefined {
  const text = value.trim();
  const m = sdkHeader.exec(text);
  if (!m) {
    const algorithm = /^([A-Z0-9]+-HMAC-[A-Z0-9]+)\s/.exec(text)?.[1];
    return algorithm !== undefined && algorithm !== signingAlgorithm
      ? { form: 'unsupported', algorithm }
      : undefined;
  }
  const signedHeaders = m[3]!.toLowerCase().split(';');
  const signature = m[4]!.toLowerCase();
  if (m[1] === 'Access') return { form: 'access', accessKey: m[2]!, signedHeaders, signature };
  const credential = m[2]!;
  const slash = credential.indexOf('/');
  const scope = slash > 0 ? parseScope(credential.slice(slash + 1)) : undefined;
  if (!scope) return undefined;
  return { form: 'scoped', accessKey: credential.slice(0, slash), scope, signedHeaders, signature };
}

export type SignatureVerdict = { ok: true } | { ok: false; reason: string };

const unsignedPayload = 'UNSIGNED-PAYLOAD';

/** The payload hash line: the body's, or the one a signed `X-Sdk-Content-Sha256` declares. */
function payloadHashOf(request: SignableRequest, signed: readonly string[]): string | SignatureVerdict {
  if (!signed.includes('x-sdk-content-sha256')) return '';
  const declared = headerValue(request.headers, 'x-sdk-content-sha256').trim();
  if (declared === unsignedPayload) return declared;
  const body = request.body;
  const actual = sha256Hex(body === undefined ? '' : body);
  return declared.toLowerCase() === actual
    ? declared
    : { ok: false, reason: 'X-Sdk-Content-Sha256 is not the SHA-256 of the body' };
}

/**
 * Checks a received request's signature with the secret key of its access key, as the
 * gateway does: `x-sdk-date` signed, in `YYYYMMDDTHHMMSSZ`, within `windowMs` of `now`;
 * for the scoped form the scope's date must be `X-Sdk-Date`'s, and region and service are
 * taken from the scope as received; the signature is recomputed over the headers named in
 * `SignedHeaders`. Reasons never quote a key or a signature.
 */
export function verifySignature(
  request: SignableRequest,
  authorization: ReceivedAuthorization,
  secretKey: string,
  options: { now: Date; windowMs?: number },
): SignatureVerdict {
  const signed = authorization.signedHeaders;
  if (!signed.includes('x-sdk-date')) return { ok: false, reason: 'x-sdk-date must be a signed header' };
  const sdkDate = headerValue(request.headers, 'x-sdk-date').trim();
  const signedAt = parseSdkDate(sdkDate);
  if (!signedAt) return { ok: false, reason: 'X-Sdk-Date must be YYYYMMDDTHHMMSSZ' };
  if (Math.abs(signedAt.getTime() - options.now.getTime()) > (options.windowMs ?? signatureWindowMs)) {
    return { ok: false, reason: "X-Sdk-Date is more than 15 minutes from the server's clock" };
  }
  if (authorization.form === 'scoped' && authorization.scope.date !== sdkDate.slice(0, 8)) {
    return {
      ok: false,
      reason: `the credential scope's date ${authorization.scope.date} is not the date of X-Sdk-Date (${sdkDate.slice(0, 8)})`,
    };
  }
  const payloadHash = payloadHashOf(request, signed);
  if (typeof payloadHash !== 'string') return payloadHash;
  const canonical = canonicalRequest(request, signed, payloadHash === '' ? undefined : payloadHash);
  const expected =
    authorization.form === 'scoped'
      ? computeScopedSignature(
          secretKey,
          authorization.scope,
          scopedStringToSign(sdkDate, authorization.scope, canonical),
        )
      : computeSignature(secretKey, stringToSign(sdkDate, canonical));
  return signaturesEqual(expected, authorization.signature)
    ? { ok: true }
    : { ok: false, reason: 'the signature does not match' };
}

/** `Credential=<AK>/<scope>` as the scoped form writes it, for signers and tests. */
export function formatScopedAuthorization(parts: {
  accessKey: string;
  scope: CredentialScope;
  signedHeaders: readonly string[];
  signature: string;
}): string {
  return `${signingAlgorithm} Credential=${parts.accessKey}/${formatScope(parts.scope)}, SignedHeaders=${parts.signedHeaders.join(';')}, Signature=${parts.signature}`;
}
