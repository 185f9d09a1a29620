/** Every setting the CLI resolves, in the order `config show` lists them. */
export const settingNames = [
  'cloud',
  'endpoint',
  'projectId',
  'region',
  'timeout',
  'token',
  'accessKey',
  'secretKey',
  'securityToken',
  'authUrl',
  'username',
  'password',
  'domainName',
  'projectName',
] as const;
export type SettingName = (typeof settingNames)[number];

/** Settings whose values never reach the screen, `config show` and `--debug` included. */
export const secretSettings: ReadonlySet<SettingName> = new Set([
  'token',
  'accessKey',
  'secretKey',
  'securityToken',
  'password',
]);

/** Global flags, by setting; commander gives them to us under these camelCase names. */
export const settingFlags: Partial<Record<SettingName, string>> = {
  cloud: '--cloud',
  endpoint: '--endpoint',
  projectId: '--project-id',
  region: '--region',
  timeout: '--timeout',
};

/**
 * Environment variables by setting, first one wins. The Huawei SDK names come before their
 * `OS_*` twins because they are the more specific of the two.
 */
export const settingEnvironment: Record<SettingName, readonly string[]> = {
  cloud: ['OS_CLOUD'],
  endpoint: ['CSBS_ENDPOINT'],
  projectId: ['HUAWEICLOUD_SDK_PROJECT_ID', 'OS_PROJECT_ID'],
  region: ['OS_REGION_NAME'],
  timeout: ['CSBS_TIMEOUT'],
  token: ['OS_AUTH_TOKEN'],
  accessKey: ['HUAWEICLOUD_SDK_AK', 'OS_ACCESS_KEY'],
  secretKey: ['HUAWEICLOUD_SDK_SK', 'OS_SECRET_KEY'],
  securityToken: ['HUAWEICLOUD_SDK_SECURITY_TOKEN', 'OS_SECURITY_TOKEN'],
  authUrl: ['OS_AUTH_URL'],
  username: ['OS_USERNAME'],
  password: ['OS_PASSWORD'],
  domainName: ['OS_USER_DOMAIN_NAME', 'OS_DOMAIN_NAME'],
  projectName: ['OS_PROJECT_NAME'],
};

/** How a setting is called in a clouds.yaml cloud: top-level keys, then `auth` keys. */
export const cloudsYamlKeys: Partial<
  Record<SettingName, { top?: readonly string[]; auth?: readonly string[] }>
> = {
  endpoint: { top: ['csbs_endpoint'] },
  region: { top: ['region_name'] },
  projectId: { auth: ['project_id'] },
  token: { auth: ['token'] },
  accessKey: { auth: ['access_key', 'ak'] },
  secretKey: { auth: ['secret_key', 'sk'] },
  securityToken: { auth: ['security_token'] },
  authUrl: { auth: ['auth_url'] },
  username: { auth: ['username'] },
  password: { auth: ['password'] },
  domainName: { auth: ['user_domain_name', 'domain_name'] },
  projectName: { auth: ['project_name'] },
};
