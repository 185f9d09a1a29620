import type { CliIo } from '../io.js';
import { loadCloudSettings } from './clouds-yaml-files.js';
import { resolveCloudName, resolveSettings, type Settings } from './resolve-settings.js';

/** Flags, then the environment, then the clouds.yaml cloud named by `--cloud` or `OS_CLOUD`. */
export async function loadSettings(flags: Partial<Record<string, unknown>>, io: CliIo): Promise<Settings> {
  const cloudName = resolveCloudName({ flags, env: io.env });
  const cloud = cloudName
    ? await loadCloudSettings(cloudName, {
        env: io.env,
        cwd: io.cwd,
        home: io.home ?? io.env.HOME,
        systemConfigDir: io.systemConfigDir ?? '/etc/openstack',
      })
    : undefined;
  return resolveSettings({ flags, env: io.env, ...(cloud ? { cloud } : {}) });
}
