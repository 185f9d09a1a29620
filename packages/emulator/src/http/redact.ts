import { isAuthSecretFieldName, isSecretFieldName, isSecretHeaderName } from '@csbs-kit/models/errors';

// Which headers and fields are secrets is the one list in @csbs-kit/models (the client's
// summaries read it too). In an auth body (`{"auth": …}`, as posted to `/v3/auth/tokens`)
// every field whose name has one of its auth words is a secret, whatever identity method
// carries it: matching by structure instead of a list of paths keeps the next method redacted.
export const redacted = '[REDACTED]';

export function redactHeaders(
  headers: Readonly<Record<string, string | string[] | undefined>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined) continue;
    out[name] = isSecretHeaderName(name) ? redacted : Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/**
 * Inside a secret's value, these name who is authenticating rather than prove it (the
 * `password` method's `user: {name, domain, password}`): they are read by the normal rule
 * again, so a log still says which user logged in.
 */
const identifyingFields = new Set(['user', 'domain', 'project']);

/** `insideSecret`: every leaf is replaced (`token: {id: "[REDACTED]"}`), the shape kept. */
function redactFields(value: unknown, isSecret: (name: string) => boolean, insideSecret: boolean): unknown {
  if (Array.isArray(value)) return value.map((item) => redactFields(item, isSecret, insideSecret));
  if (typeof value !== 'object' || value === null)
    return insideSecret && value !== null && typeof value !== 'boolean' ? redacted : value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    const secret = isSecret(key) || (insideSecret && !identifyingFields.has(key.toLowerCase()));
    out[key] = redactFields(field, isSecret, secret);
  }
  return out;
}

const isAuthBody = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, 'auth');

/** Whether `redactFields` would replace anything in `value`: a field named as a secret at some depth. */
function holdsSecret(value: unknown, isSecret: (name: string) => boolean): boolean {
  if (Array.isArray(value)) return value.some((item) => holdsSecret(item, isSecret));
  if (typeof value !== 'object' || value === null) return false;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (isSecret(key) || holdsSecret((value as Record<string, unknown>)[key], isSecret)) return true;
  }
  return false;
}

/**
 * A JSON body without its secrets: `value` itself when it holds none (redacting would only
 * copy it), else `redactBody(value)`. For a caller that keeps the body and never changes it.
 */
export function withoutSecrets(value: unknown): unknown {
  return holdsSecret(value, isAuthBody(value) ? isAuthSecretFieldName : isSecretFieldName)
    ? redactBody(value)
    : value;
}

/**
 * A copy of a JSON body with its secrets replaced. An auth body loses every field named
 * like a secret at any depth; other bodies (a tag query, where `key` is a tag key) lose
 * the fields named in `secretFieldNames`.
 */
export function redactBody(value: unknown): unknown {
  return isAuthBody(value)
    ? redactFields(value, isAuthSecretFieldName, false)
    : redactFields(value, isSecretFieldName, false);
}
