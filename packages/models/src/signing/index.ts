// The SDK-HMAC-SHA256 request signature of Huawei Cloud and Open Telekom Cloud. It lives in
// `models` because the client signs and the emulator verifies, and both must agree byte for
// byte; pure logic over node:crypto, no dependency.
export {
  canonicalQueryString,
  canonicalRequest,
  canonicalUri,
  emptyBodySha256,
  percentEncode,
  type SignableRequest,
  sha256Hex,
} from './canonical.js';
export {
  type CredentialScope,
  computeScopedSignature,
  derivedSigningKey,
  formatScope,
  parseScope,
  scopedStringToSign,
  scopeTerminator,
} from './scoped.js';
export {
  type AuthorizationParts,
  computeSignature,
  formatAuthorization,
  formatSdkDate,
  hostHeaderOf,
  parseAuthorization,
  parseSdkDate,
  type SigningCredentials,
  type SignOptions,
  signaturesEqual,
  signingAlgorithm,
  signRequest,
  stringToSign,
} from './sign.js';
export {
  formatScopedAuthorization,
  type ReceivedAuthorization,
  readAuthorization,
  type SignatureVerdict,
  signatureWindowMs,
  type UnsupportedAuthorization,
  verifySignature,
} from './verify.js';
