import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { CliConfigError } from '../errors.js';
import type { CloudsDocument, SearchPathOptions } from './clouds-yaml.js';
import { cloudSettings, cloudsSearchPath } from './clouds-yaml.js';
import type { Settings, SettingValue } from './resolve-settings.js';

async function readFirst(paths: readonly string[]): Promise<CloudsDocument | undefined> {
  for (const path of paths) {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') continue;
      throw new CliConfigError(path, `cannot be read (${code ?? 'error'})`, { cause: error });
    }
    try {
      return { path, content: parse(text) ?? {} };
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : 'invalid YAML';
      throw new CliConfigError(path, `is not valid YAML: ${reason}`, { cause: error });
    }
  }
  return undefined;
}

/** Reads the named cloud from the first clouds.yaml found, with secure.yaml merged over it. */
export async function loadCloudSettings(cloud: SettingValue, options: SearchPathOptions): Promise<Settings> {
  const field = cloud.source.replace(/^(flag|env) /, '');
  const search = cloudsSearchPath(options);
  const clouds = await readFirst(search.clouds);
  if (!clouds) {
    throw new CliConfigError(
      field,
      `no clouds.yaml found for cloud "${cloud.value}" (looked in ${search.clouds.join(', ')})`,
    );
  }
  const secure = await readFirst(search.secure);
  return cloudSettings(cloud.value, clouds, secure, field);
}
