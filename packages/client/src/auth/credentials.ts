import { CsbsValidationError, type ValidationIssue } from '../errors/other-errors.js';

export interface TokenCredentials {
  /** An IAM token, sent as `X-Auth-Token`. */
  token: string;
}

export interface AccessKeyCredentials {
  accessKey: string;
  secretKey: string;
  /** For temporary AK/SK: sent and signed as `X-Security-Token`. */
  securityToken?: string;
}

export interface PasswordCredentials {
  password: {
    /** The IAM endpoint, with or without `/v3`: `https://iam.myhuaweicloud.com`. */
    authUrl: string;
    username: string;
    password: string;
    domainName: string;
    /** Scope the token to the project with this name instead of the client's `projectId`. */
    projectName?: string;
  };
}

export type Credentials = TokenCredentials | AccessKeyCredentials | PasswordCredentials;

export type CredentialsKind = 'token' | 'accessKey' | 'password';

const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v !== '';

/**
 * Which kind of credentials these are, or a validation error. Messages name the missing
 * field and never quote a value: these are secrets.
 */
export function credentialsKind(credentials: unknown): CredentialsKind {
  const issues: ValidationIssue[] = [];
  const c = (typeof credentials === 'object' && credentials !== null ? credentials : {}) as Record<
    string,
    unknown
  >;
  if ('token' in c) {
    if (!nonEmpty(c.token)) issues.push({ path: 'credentials.token', message: 'must be a non-empty string' });
    return finish('token', issues);
  }
  if ('accessKey' in c || 'secretKey' in c) {
    if (!nonEmpty(c.accessKey))
      issues.push({ path: 'credentials.accessKey', message: 'must be a non-empty string' });
    if (!nonEmpty(c.secretKey))
      issues.push({ path: 'credentials.secretKey', message: 'must be a non-empty string' });
    if (c.securityToken !== undefined && !nonEmpty(c.securityToken))
      issues.push({ path: 'credentials.securityToken', message: 'must be a non-empty string when given' });
    return finish('accessKey', issues);
  }
  if ('password' in c) {
    const p = (typeof c.password === 'object' && c.password !== null ? c.password : {}) as Record<
      string,
      unknown
    >;
    for (const field of ['authUrl', 'username', 'password', 'domainName'] as const) {
      if (!nonEmpty(p[field]))
        issues.push({ path: `credentials.password.${field}`, message: 'must be a non-empty string' });
    }
    if (p.projectName !== undefined && !nonEmpty(p.projectName))
      issues.push({
        path: 'credentials.password.projectName',
        message: 'must be a non-empty string when given',
      });
    if (nonEmpty(p.authUrl) && !/^https?:\/\//.test(p.authUrl))
      issues.push({ path: 'credentials.password.authUrl', message: 'must be an http(s) URL' });
    return finish('password', issues);
  }
  throw new CsbsValidationError(
    [
      {
        path: 'credentials',
        message: 'must be { token }, { accessKey, secretKey, securityToken? } or { password: {...} }',
      },
    ],
    { what: 'options' },
  );
}

function finish(kind: CredentialsKind, issues: ValidationIssue[]): CredentialsKind {
  if (issues.length > 0) throw new CsbsValidationError(issues, { what: 'options' });
  return kind;
}
