/** Headers whose values are secrets and never kept anywhere. */
const secretHeaders = new Set([
  'x-auth-token',
  'authorization',
  'x-security-token',
  'x-subject-token',
  'proxy-authorization',
  'cookie',
]);
/** Body fields whose string values are secrets (passwords, keys, tokens). */
const secretFields = new Set(['password', 'secret_key', 'secret', 'token', 'security_token', 'access_key']);

export const redacted = '[REDACTED]';

export function redactHeaders(
  headers: Readonly<Record<string, string | string[] | undefined>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name] = secretHeaders.has(name.toLowerCase())
      ? redacted
      : Array.isArray(value)
        ? value.join(', ')
        : value;
  }
  return out;
}

/** A copy of a JSON value with every secret field's string value replaced. */
export function redactBody(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactBody);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    out[key] =
      secretFields.has(key.toLowerCase()) && typeof field === 'string' ? redacted : redactBody(field);
  }
  return out;
}
