import type { Credentials } from '@csbs-kit/client';
import { CliUsageError } from '../errors.js';
import type { Settings, SettingValue } from './resolve-settings.js';

// The client's own type, imported for types only: nothing of the client loads at start-up.
export type { Credentials } from '@csbs-kit/client';

export type AuthKind = 'token' | 'aksk' | 'password';

const rank = (source: string): number => (source.startsWith('flag ') ? 0 : source.startsWith('env ') ? 1 : 2);

function best(...values: (SettingValue | undefined)[]): number {
  return Math.min(...values.map((v) => (v ? rank(v.source) : 3)));
}

/**
 * Picks the kind of credentials. Several kinds can be complete at once (a token in the
 * environment, a password in clouds.yaml): the kind given by the highest layer wins, and
 * within one layer a token beats a key pair, which beats a password, because the earlier
 * kinds need no extra round trip.
 */
export function chooseAuthKind(settings: Settings): AuthKind | undefined {
  const candidates: { kind: AuthKind; rank: number }[] = [];
  if (settings.token) candidates.push({ kind: 'token', rank: best(settings.token) });
  if (settings.accessKey && settings.secretKey) {
    candidates.push({ kind: 'aksk', rank: best(settings.accessKey, settings.secretKey) });
  }
  if (settings.authUrl && settings.username && settings.password) {
    candidates.push({ kind: 'password', rank: best(settings.username, settings.password) });
  }
  candidates.sort((a, b) => a.rank - b.rank);
  return candidates[0]?.kind;
}

const missingCredentials =
  'none found: set OS_AUTH_TOKEN, or HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK, or OS_AUTH_URL, OS_USERNAME, OS_PASSWORD and OS_USER_DOMAIN_NAME, or pick a clouds.yaml cloud with --cloud';

/** The credentials for the client, or a usage error that says what to set. */
export function credentialsFrom(settings: Settings): Credentials {
  const kind = chooseAuthKind(settings);
  if (kind === 'token') return { token: settings.token!.value };
  if (kind === 'aksk') {
    return {
      accessKey: settings.accessKey!.value,
      secretKey: settings.secretKey!.value,
      ...(settings.securityToken ? { securityToken: settings.securityToken.value } : {}),
    };
  }
  if (kind === 'password') {
    if (!settings.domainName) {
      throw new CliUsageError('credentials', 'password auth needs a domain name (OS_USER_DOMAIN_NAME)');
    }
    return {
      password: {
        authUrl: settings.authUrl!.value,
        username: settings.username!.value,
        password: settings.password!.value,
        domainName: settings.domainName.value,
        ...(settings.projectName ? { projectName: settings.projectName.value } : {}),
      },
    };
  }
  if (settings.accessKey || settings.secretKey) {
    throw new CliUsageError('credentials', 'an access key needs its secret key (HUAWEICLOUD_SDK_AK and _SK)');
  }
  throw new CliUsageError('credentials', missingCredentials);
}

/** `30`, `30s`, `500ms`, `2m` → milliseconds. */
export function parseTimeout(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m)?\s*$/.exec(text);
  if (!m)
    throw new CliUsageError('--timeout', `must be a duration like 30, 30s, 500ms or 2m (got "${text}")`);
  const amount = Number(m[1]);
  const unit = m[2] ?? 's';
  const ms = unit === 'ms' ? amount : unit === 's' ? amount * 1000 : amount * 60_000;
  if (!(ms >= 1) || !Number.isFinite(ms)) throw new CliUsageError('--timeout', 'must be at least 1ms');
  return Math.round(ms);
}
