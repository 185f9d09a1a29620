import { maskUrlUserinfo } from '../mask-url.js';
import { chooseAuthKind } from './credentials.js';
import type { Settings } from './resolve-settings.js';
import { secretSettings, settingNames } from './setting-names.js';

export interface SettingRow {
  setting: string;
  value: string;
  source: string;
}

const authKindNames = { token: 'token', aksk: 'access key (AK/SK)', password: 'password (IAM)' } as const;

/** The rows of `config show`: every setting, its value (secrets masked) and its source. */
export function describeSettings(settings: Settings): SettingRow[] {
  const rows: SettingRow[] = settingNames.map((name) => {
    const value = settings[name];
    if (!value) return { setting: name, value: '', source: 'not set' };
    // A URL may carry `user:password@`: masked like the secrets, in every format.
    const shown = secretSettings.has(name) ? '****' : maskUrlUserinfo(value.value);
    return { setting: name, value: shown, source: value.source };
  });
  const kind = chooseAuthKind(settings);
  // The auth row points at the setting that decided the kind, so a surprise is easy to trace.
  const decidedBy =
    kind === 'token' ? settings.token : kind === 'aksk' ? settings.accessKey : settings.username;
  rows.push({
    setting: 'auth',
    value: kind ? authKindNames[kind] : 'none',
    source: kind && decidedBy ? decidedBy.source : 'no credentials set',
  });
  return rows;
}
