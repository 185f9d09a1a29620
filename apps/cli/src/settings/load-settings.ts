import type { CliIo } from '../io.js';
import { resolveCloudName, resolveSettings, type Settings } from './resolve-settings.js';

/** Flags, then the environment, then the clouds.yaml cloud named by `--cloud` or `OS_CLOUD`. */
export async function loadSettings(flags: Partial<Record<string, unknown>>, io: CliIo): Promise<Settings> {
  const cloudName = resolveCloudName({ flags, env: io.env });
  // The clouds.yaml reader (and the yaml parser under it) loads only when a cloud is named.
  const cloud = cloudName
    ? await (await import('./clouds-yaml-files.js')).loadCloudSettings(cloudName, {
        env: io.env,
        cwd: io.cwd,
        home: io.home ?? io.env.HOME,
        systemConfigDir: io.systemConfigDir ?? '/etc/openstack',
      })
    : undefined;
  return resolveSettings({ flags, env: io.env, ...(cloud ? { cloud } : {}) });
}
