import type { CheckpointItem } from '@csbs-kit/models';
import type { EmulatorData } from '../src/index.js';

export const projectA = 'proj-a';
export const projectB = 'proj-b';

interface ItemSpec {
  id: string;
  name?: string;
  status?: string;
  created_at?: string;
  updated_at?: string;
  protected_at?: string;
  az?: string;
  resource_name?: string;
  resource_id?: string;
  image_type?: string;
  policy_id?: string;
  checkpoint_id?: string;
  resource_type?: string;
  tags?: { key: string; value: string }[];
}

function item(spec: ItemSpec): CheckpointItem {
  const { az, resource_name, image_type, ...top } = spec;
  return {
    ...top,
    extend_info: { resource_az: az, resource_name, image_type, volume_backups: [] },
    custom_field: { kept: true },
  };
}

/**
 * Hand-made backups whose answers are worked out by hand in the tests. Times: created_at
 * order (newest first) is a05, a04, a03, a02(.5 s), a09 (same instant, bigger id),
 * a01, a06, a07, a08; a10 has no created_at.
 */
export const itemsA: CheckpointItem[] = [
  item({
    id: 'a01',
    name: 'autobk_web',
    status: 'available',
    created_at: '2025-01-10T08:00:00.000001',
    updated_at: '2025-01-10T09:00:00',
    protected_at: '2025-01-10T07:59:00',
    az: 'eu-de-01',
    resource_name: 'web-01',
    resource_id: 'srv-web',
    image_type: 'backup',
    policy_id: 'pol-1',
    checkpoint_id: 'cp-1',
    resource_type: 'OS::Nova::Server',
    tags: [
      { key: 'env', value: 'prod' },
      { key: 'team', value: 'web' },
    ],
  }),
  item({
    id: 'a02',
    name: 'ManualBK_DB',
    status: 'error',
    created_at: '2025-02-01T00:00:00.5',
    az: 'eu-de-02',
    resource_name: 'DB-main',
    resource_id: 'srv-db',
    image_type: 'backup',
    checkpoint_id: 'cp-2',
    resource_type: 'OS::Nova::Server',
    tags: [
      { key: 'env', value: 'staging' },
      { key: 'team', value: 'db' },
    ],
  }),
  item({
    id: 'a03',
    name: 'autobk_web2',
    status: 'available',
    created_at: '2025-03-01T10:00:00',
    az: 'eu-de-01',
    resource_name: 'web-02',
    resource_id: 'srv-web2',
    image_type: 'replication',
    policy_id: 'pol-1',
    checkpoint_id: 'cp-3',
    resource_type: 'OS::Nova::Server',
    tags: [{ key: 'env', value: 'prod' }],
  }),
  item({
    id: 'a04',
    name: 'nightly',
    status: 'protecting',
    created_at: '2025-04-01T00:00:00.000000',
    az: 'eu-de-03',
    resource_name: 'cache-01',
    resource_id: 'srv-cache',
    image_type: 'backup',
    policy_id: 'pol-2',
    resource_type: 'OS::Cinder::Volume',
    tags: [{ key: 'legacy', value: '' }],
  }),
  item({
    id: 'a05',
    name: 'autobk_cache',
    status: 'available',
    created_at: '2025-05-05T05:05:05.050505',
    az: 'eu-de-03',
    resource_name: 'cache-01',
    resource_id: 'srv-cache',
    image_type: 'backup',
    policy_id: 'pol-2',
    resource_type: 'OS::Nova::Server',
    tags: [],
  }),
  item({
    id: 'a06',
    name: 'weekly_web',
    status: 'deleted',
    created_at: '2024-12-24T12:00:00.123456',
    az: 'eu-de-01',
    resource_name: 'web-01',
    resource_id: 'srv-web',
    image_type: 'backup',
    resource_type: 'OS::Nova::Server',
    tags: [{ key: 'team', value: 'web' }],
  }),
  item({
    id: 'a07',
    name: 'autobk_db',
    status: 'available',
    created_at: '2024-11-30T23:59:59.999999',
    az: 'eu-de-02',
    resource_name: 'db-main',
    resource_id: 'srv-db',
    image_type: 'backup',
    policy_id: 'pol-1',
    resource_type: 'OS::Nova::Server',
  }),
  item({
    id: 'a08',
    name: 'old',
    status: 'available',
    created_at: '2024-06-01T00:00:00.000000',
    az: 'eu-de-01',
    resource_name: 'web-01',
    resource_id: 'srv-web',
    image_type: 'backup',
    resource_type: 'OS::Nova::Server',
    tags: [{ key: 'env', value: 'dev' }],
  }),
  item({
    id: 'a09',
    name: 'twin',
    status: 'available',
    created_at: '2025-02-01T00:00:00.500000',
    az: 'eu-de-02',
    resource_name: 'db-replica',
    resource_id: 'srv-db2',
    image_type: 'backup',
    resource_type: 'OS::Nova::Server',
    tags: [{ key: 'env', value: 'prod' }],
  }),
  { id: 'a10' },
];

export const itemsB: CheckpointItem[] = [
  item({ id: 'b01', name: 'other_backup', status: 'available', created_at: '2025-06-01T00:00:00.000000' }),
  item({ id: 'b02', name: 'other_backup_2', status: 'error', created_at: '2025-06-02T00:00:00.000000' }),
];

export const tokens = { a: 'tok-a', b: 'tok-b', admin: 'tok-admin' } as const;
export const keys = {
  a: { accessKey: 'AKA0000000000000000A', secretKey: 'SKA-secret-0000000000000000000000000000A' },
  temporary: {
    accessKey: 'AKTEMP00000000000000',
    secretKey: 'SKTEMP-secret-00000000000000000000000000',
    securityToken: 'sec-token-1',
  },
} as const;
export const userA = {
  name: 'alice',
  password: 'pw-alice',
  domain: 'dom-a',
  projectName: 'eu-de_a',
} as const;

export function fixtureData(): EmulatorData {
  return {
    projects: {
      [projectA]: { checkpoint_items: structuredClone(itemsA) },
      [projectB]: { checkpoint_items: structuredClone(itemsB) },
    },
    credentials: [
      { token: tokens.a, project_id: projectA },
      { token: tokens.b, project_id: projectB },
      { token: tokens.admin, project_id: projectA, admin: true },
      { access_key: keys.a.accessKey, secret_key: keys.a.secretKey, project_id: projectA },
      {
        access_key: keys.temporary.accessKey,
        secret_key: keys.temporary.secretKey,
        security_token: keys.temporary.securityToken,
        project_id: projectA,
      },
    ],
    users: [
      {
        name: userA.name,
        password: userA.password,
        domain_name: userA.domain,
        project_id: projectA,
        project_name: userA.projectName,
      },
    ],
  };
}
