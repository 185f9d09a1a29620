import type { CheckpointItem, CheckpointStatus, ExtendInfo } from '@csbs-kit/models';
import { demoCredentials } from '../demo-credentials.js';
import { EmulatorDataError } from '../errors.js';
import type { EmulatorData } from '../types.js';
import { listingTimeOf, prefixedHex } from './flat-strings.js';
import { GeneratedExtendInfo, type GeneratedServer } from './generated-extend-info.js';
import * as words from './generator-vocabulary.js';
import { createRandom, type Random } from './prng.js';

/** Generated time stamps end here, so the same seed gives the same data on any day. */
const newestBackupMs = Date.UTC(2026, 0, 1);
const spanMs = 183 * 24 * 3600 * 1000;
const noReplicationRecords: unknown[] = [];

function makeTags(random: Random, role: string): GeneratedServer['tags'] {
  if (random.chance(0.08)) return [];
  const tags: GeneratedServer['tags'] = [
    { key: 'env', value: random.pick(words.environments) },
    { key: 'team', value: random.pick(words.teams) },
    { key: 'app', value: random.pick(words.apps) },
    { key: 'role', value: role },
  ];
  if (random.chance(0.7)) tags.push({ key: 'tier', value: random.pick(words.tiers) });
  if (random.chance(0.5)) tags.push({ key: 'owner', value: random.pick(words.owners) });
  if (random.chance(0.4)) tags.push({ key: 'backup-policy', value: random.pick(words.backupPolicies) });
  if (random.chance(0.3)) tags.push({ key: 'cost_center', value: random.pick(words.costCenters) });
  if (random.chance(0.05)) tags.push({ key: 'legacy', value: '' });
  return tags;
}

function makeServers(random: Random, count: number): GeneratedServer[] {
  const policies = Array.from({ length: 4 }, () => random.uuid());
  const perRole = new Map<string, number>();
  return Array.from({ length: count }, () => {
    const role = random.pick(words.serverRoles);
    const n = (perRole.get(role) ?? 0) + 1;
    perRole.set(role, n);
    const resourceName = `${role}-${String(n).padStart(2, '0')}`;
    const flavor = random.pick(words.flavors);
    const volumes = Array.from({ length: 1 + random.int(3) }, (_, k) => ({
      id: random.uuid(),
      name: `${resourceName}-${k === 0 ? 'sys' : `data${k}`}`,
      size: k === 0 ? 40 : random.pick([100, 200, 500, 1000]),
    }));
    return {
      resourceId: random.uuid(),
      resourceName,
      az: random.pick(words.availabilityZones),
      policyId: random.chance(0.8) ? random.pick(policies) : undefined,
      tags: makeTags(random, role),
      backupData: {
        __openstack_region_name: 'eu-de',
        cloudservicetype: 'QEMU',
        disk: volumes.reduce((sum, v) => sum + v.size, 0),
        imagetype: random.pick(['gold', 'private', 'market', '']),
        ram: flavor.ram,
        vcpus: flavor.vcpus,
        eip: random.chance(0.3) ? `80.158.${random.int(256)}.${random.int(256)}` : '',
        private_ip: `192.168.${random.int(256)}.${2 + random.int(250)}`,
      },
      images: [{ image_id: random.uuid() }],
      volumes,
    };
  });
}

function pickStatus(random: Random): CheckpointStatus {
  let r = random.next();
  for (const [status, weight] of words.statusWeights) {
    r -= weight;
    if (r < 0) return status;
  }
  return 'available';
}

function makeItem(random: Random, server: GeneratedServer): CheckpointItem {
  const auto = server.policyId !== undefined && random.chance(0.75);
  const name = prefixedHex(auto ? 'autobk_' : 'manualbk_', 4, random.next);
  const createdMs = newestBackupMs - Math.floor(random.next() * spanMs);
  const item: CheckpointItem = {
    id: random.uuid(),
    checkpoint_id: random.uuid(),
    name,
    description: auto ? 'backup created by policy' : '',
    status: pickStatus(random),
    resource_id: server.resourceId,
    resource_type: 'OS::Nova::Server',
    created_at: listingTimeOf(createdMs, random.int(1000)),
    updated_at: listingTimeOf(createdMs + (60 + random.int(3600)) * 1000, random.int(1000)),
    protected_at: listingTimeOf(createdMs - random.int(300) * 1000, random.int(1000)),
    expired_at: null,
    periodic_type: null,
    progress: null,
    policy_id: auto ? server.policyId : null,
    tags: server.tags,
    backup_data: server.backupData,
    extend_info: null,
    replication_records: noReplicationRecords,
  };
  item.extend_info = new GeneratedExtendInfo(
    server,
    item,
    (random.next() * 4294967296) >>> 0,
  ) as unknown as ExtendInfo;
  return item;
}

function generateItems(count: number, seed: number): CheckpointItem[] {
  const random = createRandom(seed);
  // Many backups per server, as a real project has: they share the server's fields and tags.
  const servers = makeServers(random, Math.min(5000, Math.max(1, Math.ceil(count / 40))));
  const items = new Array<CheckpointItem>(count);
  for (let i = 0; i < count; i++) items[i] = makeItem(random, random.pick(servers));
  return items;
}

/** How many projects `generate` fills: the demo project, and a second one for isolation tests. */
export const maxGeneratedProjects = 2;

/**
 * Synthetic, deterministic data: `count` backups in each of `projects` projects (the demo
 * project first, then a second one for isolation tests), and the demo credentials and
 * users. The same seed gives the same data.
 */
export function generateEmulatorData(options: {
  count: number;
  seed?: number;
  projects?: number;
}): EmulatorData {
  const { count, seed = 1, projects = maxGeneratedProjects } = options;
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new EmulatorDataError('must be a whole number, 0 or more', { field: 'generate.count' });
  }
  if (!Number.isSafeInteger(seed)) {
    throw new EmulatorDataError('must be a whole number', { field: 'generate.seed' });
  }
  if (!Number.isSafeInteger(projects) || projects < 1 || projects > maxGeneratedProjects) {
    throw new EmulatorDataError(`must be 1 or ${maxGeneratedProjects}`, { field: 'generate.projects' });
  }
  const d = demoCredentials;
  return {
    projects: {
      [d.projectId]: { checkpoint_items: generateItems(count, seed) },
      [d.otherProjectId]: {
        checkpoint_items:
          projects > 1 ? generateItems(count, (Math.imul(seed, 0x9e3779b1) ^ 0x5bd1e995) >>> 0) : [],
      },
    },
    credentials: [
      { token: d.token, project_id: d.projectId },
      { token: d.otherToken, project_id: d.otherProjectId },
      { token: d.adminToken, project_id: d.projectId, admin: true },
      { access_key: d.accessKey, secret_key: d.secretKey, project_id: d.projectId },
    ],
    users: [
      {
        name: d.username,
        password: d.password,
        domain_name: d.domainName,
        project_id: d.projectId,
        project_name: d.projectName,
      },
    ],
  };
}
