/*
 * The names under which CSBS and IAM requests carry secrets: one list for every package that
 * keeps or shows a request (the client's hook summaries, the emulator's request log), so that
 * what one side redacts the other does too. Zod-free: the CLI and the emulator load it early.
 */

/** Header names (lower case) whose values are credentials: never logged, shown or kept. */
export const secretHeaderNames: readonly string[] = Object.freeze([
  'authorization',
  'proxy-authorization',
  'x-auth-token',
  'x-subject-token',
  'x-security-token',
  'cookie',
  'set-cookie',
]);

/**
 * Body field names (lower case) that hold a secret in any JSON body. Exact names, because in
 * a tag query `key` is a tag key, not a secret.
 */
export const secretFieldNames: readonly string[] = Object.freeze([
  'password',
  'secret_key',
  'secret',
  'token',
  'security_token',
  'access_key',
]);

/**
 * Words that make any field of an IAM auth body (`{"auth": …}`) a secret, at any depth and
 * whatever identity method carries it: Keystone `token.id`, Huawei `hw_ak_sk.secret.key`,
 * `totp.passcode`, and methods not yet written.
 */
export const authSecretWords: readonly string[] = Object.freeze([
  'password',
  'secret',
  'token',
  'key',
  'passcode',
]);

const headers = new Set(secretHeaderNames);
const fields = new Set(secretFieldNames);
const authWord = new RegExp(authSecretWords.join('|'), 'i');

/** Whether a header of this name (any case) carries a credential. */
export function isSecretHeaderName(name: string): boolean {
  return headers.has(name.toLowerCase());
}

/** Whether a body field of this name (any case) holds a secret outside an auth body. */
export function isSecretFieldName(name: string): boolean {
  return fields.has(name.toLowerCase());
}

/** Whether a field of this name inside an IAM auth body holds a secret. */
export function isAuthSecretFieldName(name: string): boolean {
  return authWord.test(name);
}
