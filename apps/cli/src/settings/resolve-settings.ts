import { type SettingName, settingEnvironment, settingFlags, settingNames } from './setting-names.js';

/** A resolved value and where it came from, e.g. `env OS_PROJECT_ID`. */
export interface SettingValue {
  value: string;
  source: string;
}

export type Settings = Partial<Record<SettingName, SettingValue>>;

export interface SettingLayers {
  /** Global flag values as commander gives them (camelCase keys). */
  flags: Partial<Record<string, unknown>>;
  env: Readonly<Record<string, string | undefined>>;
  /** Values read from the chosen clouds.yaml cloud, each with its source. */
  cloud?: Settings;
}

function fromFlags(flags: SettingLayers['flags'], name: SettingName): SettingValue | undefined {
  const flag = settingFlags[name];
  const value = flags[name];
  if (flag === undefined || typeof value !== 'string' || value === '') return undefined;
  return { value, source: `flag ${flag}` };
}

function fromEnv(env: SettingLayers['env'], name: SettingName): SettingValue | undefined {
  for (const variable of settingEnvironment[name]) {
    const value = env[variable];
    if (value !== undefined && value !== '') return { value, source: `env ${variable}` };
  }
  return undefined;
}

/**
 * Flags beat the environment, which beats the clouds.yaml cloud, one setting at a time,
 * as the openstack CLI does. An empty value counts as unset.
 */
export function resolveSettings(layers: SettingLayers): Settings {
  const settings: Settings = {};
  for (const name of settingNames) {
    const value = fromFlags(layers.flags, name) ?? fromEnv(layers.env, name) ?? layers.cloud?.[name];
    if (value !== undefined) settings[name] = value;
  }
  return settings;
}

/** The cloud to read from clouds.yaml, before the other settings can be resolved. */
export function resolveCloudName(layers: Omit<SettingLayers, 'cloud'>): SettingValue | undefined {
  return fromFlags(layers.flags, 'cloud') ?? fromEnv(layers.env, 'cloud');
}
