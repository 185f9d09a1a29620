import { CliUsageError } from '../errors.js';
import { type Credentials, credentialsFrom, parseTimeout } from './credentials.js';
import type { Settings } from './resolve-settings.js';

export type CloudName = 'huaweicloud' | 'otc';

/** Open Telekom Cloud runs eu-de and eu-nl and signs in at *.otc.t-systems.com. */
export function cloudFor(settings: Settings): CloudName {
  const region = settings.region?.value ?? '';
  const authUrl = settings.authUrl?.value ?? '';
  return /^eu-(de|nl)\b/.test(region) || authUrl.includes('t-systems.com') ? 'otc' : 'huaweicloud';
}

export interface ClientSettings {
  projectId: string;
  endpoint?: string;
  cloud: CloudName;
  region?: string;
  credentials: Credentials;
  timeoutMs?: number;
}

/**
 * What the client needs, checked here so that a missing project id or endpoint is a usage
 * error (exit 2) that names the flag and variables to set, before any request.
 */
export function clientSettingsFrom(settings: Settings): ClientSettings {
  const credentials = credentialsFrom(settings);
  if (!settings.projectId) {
    throw new CliUsageError(
      'project id',
      'missing: set --project-id, OS_PROJECT_ID or HUAWEICLOUD_SDK_PROJECT_ID, or auth.project_id in clouds.yaml',
    );
  }
  // Password auth finds CSBS in the IAM token's catalog, as the OpenStack tools do.
  if (!settings.endpoint && !settings.region && !('password' in credentials)) {
    throw new CliUsageError(
      'endpoint',
      'missing: set --endpoint or CSBS_ENDPOINT, or a region with --region or OS_REGION_NAME (or use password auth, whose token catalog has it)',
    );
  }
  return {
    projectId: settings.projectId.value,
    ...(settings.endpoint ? { endpoint: settings.endpoint.value } : {}),
    cloud: cloudFor(settings),
    ...(settings.region ? { region: settings.region.value } : {}),
    credentials,
    ...(settings.timeout ? { timeoutMs: parseTimeout(settings.timeout.value) } : {}),
  };
}
