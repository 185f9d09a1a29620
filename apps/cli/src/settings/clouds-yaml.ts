import { CliConfigError } from '../errors.js';
import type { Settings } from './resolve-settings.js';
import { cloudsYamlKeys, type SettingName } from './setting-names.js';

type Mapping = Record<string, unknown>;
const isMapping = (x: unknown): x is Mapping => typeof x === 'object' && x !== null && !Array.isArray(x);

/** A parsed clouds.yaml or secure.yaml and the file it came from. */
export interface CloudsDocument {
  path: string;
  content: unknown;
}

/** secure.yaml values override clouds.yaml ones, key by key, as openstacksdk merges them. */
export function mergeMappings(base: Mapping, over: Mapping): Mapping {
  const out: Mapping = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = out[key];
    out[key] = isMapping(current) && isMapping(value) ? mergeMappings(current, value) : value;
  }
  return out;
}

function cloudsOf(document: CloudsDocument): Mapping {
  if (!isMapping(document.content)) {
    throw new CliConfigError(document.path, 'must be a mapping with a "clouds" key');
  }
  const clouds = document.content.clouds ?? {};
  if (!isMapping(clouds))
    throw new CliConfigError(`${document.path}: clouds`, 'must be a mapping of cloud names');
  return clouds;
}

function scalar(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/**
 * The settings of one cloud. Each value's source names the file it came from, so that
 * `config show` can tell a user which of clouds.yaml and secure.yaml to edit.
 */
export function cloudSettings(
  name: string,
  clouds: CloudsDocument,
  secure: CloudsDocument | undefined,
  field = '--cloud',
): Settings {
  const base = cloudsOf(clouds);
  const overlay = secure ? cloudsOf(secure) : {};
  const plain = base[name];
  const secret = overlay[name];
  if (plain === undefined && secret === undefined) {
    const known = Object.keys(base);
    throw new CliConfigError(
      field,
      `no cloud "${name}" in ${clouds.path} (${known.length ? `clouds: ${known.join(', ')}` : 'it defines none'})`,
    );
  }
  if (plain !== undefined && !isMapping(plain)) {
    throw new CliConfigError(`${clouds.path}: clouds.${name}`, 'must be a mapping');
  }
  const settings: Settings = {};
  const layers: [Mapping, string][] = [[plain ?? {}, clouds.path]];
  if (secure && isMapping(secret)) layers.push([secret, secure.path]);
  for (const [cloud, path] of layers) {
    const source = `${path} (cloud ${name})`;
    const auth = isMapping(cloud.auth) ? cloud.auth : {};
    for (const [setting, keys] of Object.entries(cloudsYamlKeys) as [
      SettingName,
      typeof cloudsYamlKeys.token,
    ][]) {
      for (const key of keys?.top ?? []) {
        const value = scalar(cloud[key]);
        if (value !== undefined) settings[setting] = { value, source };
      }
      for (const key of keys?.auth ?? []) {
        const value = scalar(auth[key]);
        // The first spelling in the list wins within one file (`access_key` over `ak`).
        if (value !== undefined && settings[setting]?.source !== source)
          settings[setting] = { value, source };
      }
    }
  }
  return settings;
}

export interface SearchPathOptions {
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  home: string | undefined;
  systemConfigDir: string;
}

function join(dir: string, file: string): string {
  return dir.endsWith('/') ? `${dir}${file}` : `${dir}/${file}`;
}

function candidates(dirs: string[], base: string): string[] {
  return dirs.flatMap((dir) => [join(dir, `${base}.yaml`), join(dir, `${base}.yml`)]);
}

/**
 * The files tried for clouds.yaml and secure.yaml, first match wins: the file named by
 * `OS_CLIENT_CONFIG_FILE` (`OS_CLIENT_SECURE_FILE`), then the current folder,
 * `~/.config/openstack` and `/etc/openstack`, as openstacksdk searches them.
 */
export function cloudsSearchPath(options: SearchPathOptions): { clouds: string[]; secure: string[] } {
  const dirs = [options.cwd];
  if (options.home) dirs.push(join(options.home, '.config/openstack'));
  dirs.push(options.systemConfigDir);
  const cloudsFile = options.env.OS_CLIENT_CONFIG_FILE;
  const secureFile = options.env.OS_CLIENT_SECURE_FILE;
  return {
    clouds: [...(cloudsFile ? [cloudsFile] : []), ...candidates(dirs, 'clouds')],
    secure: [...(secureFile ? [secureFile] : []), ...candidates(dirs, 'secure')],
  };
}
