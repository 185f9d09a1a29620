import { type Cloud, cloudOf } from '@csbs-kit/client';
import { CliUsageError } from '../errors.js';
import { type Credentials, credentialsFrom, parseTimeout } from './credentials.js';
import type { Settings } from './resolve-settings.js';

export type CloudName = Cloud;

/**
 * The cloud of the region or the IAM URL, from the client's table of clouds (an Open Telekom
 * Cloud region without CSBS, such as eu-nl, is still Open Telekom Cloud, so the client's error
 * names the region that has it); Huawei Cloud otherwise.
 */
export function cloudFor(settings: Settings): CloudName {
  return cloudOf({ region: settings.region?.value, authUrl: settings.authUrl?.value }) ?? 'huaweicloud';
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
