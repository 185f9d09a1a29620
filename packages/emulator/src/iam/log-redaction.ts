/**
 * The token method of `POST /v3/auth/tokens` carries a token as `auth.identity.token.id`,
 * a field name that is no secret anywhere else; this replaces it before the request log's
 * general redaction runs. Returns a copy; any other value comes back as it was.
 */
export function withoutTokenIds(value: unknown): unknown {
  const identity = (value as { auth?: { identity?: { token?: unknown } } } | null)?.auth?.identity;
  const token = identity?.token;
  if (typeof token !== 'object' || token === null || typeof (token as { id?: unknown }).id !== 'string') {
    return value;
  }
  const copy = structuredClone(value) as { auth: { identity: { token: { id: string } } } };
  copy.auth.identity.token.id = '[REDACTED]';
  return copy;
}
