import type { CheckpointItem, CheckpointStatus, ExtendInfo } from '@csbs-kit/models';
import { demoCredentials } from '../demo-credentials.js';
import { EmulatorDataError } from '../errors.js';
import type { EmulatorData } from '../types.js';
import { listingTimeOfMicros, prefixedHex } from './flat-strings.js';
import { GeneratedExtendInfo, type GeneratedServer } from './generated-extend-info.js';
import * as words from './generator-vocabulary.js';
import { createRandom, type Random } from './prng.js';
import { newestBackupMs, type ServerStory, storyOf, storyStatus } from './server-story.js';

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

/**
 * Generated names are a prefix and four hex digits: 2 x 65536 of them, numbered by
 * `nameCode` (65536 and up for automatic backups). Each is made once, when first drawn, and
 * shared by every backup and every project that draws it (at most 131,072 strings).
 */
const namesByCode: string[] = [];

/** Every name drawn so far, by code (codes not drawn yet are holes). */
export const generatedNames = (): readonly string[] => namesByCode;

export function generatedName(nameCode: number): string {
  let name = namesByCode[nameCode];
  if (name === undefined) {
    const word = nameCode & 0xffff;
    name = prefixedHex(nameCode >= 0x10000 ? 'autobk_' : 'manualbk_', 4, () => word / 4294967296);
    namesByCode[nameCode] = name;
  }
  return name;
}

/** One generated backup as primitives, drawn in a fixed order from the project's stream. */
export interface DrawnBackup {
  /** The ids as strings; "" when they were written into an `IdSink` instead. */
  id: string;
  checkpointId: string;
  /** The name's number, see `generatedName`. */
  nameCode: number;
  auto: boolean;
  status: CheckpointStatus;
  /** Times as microseconds since the epoch (see `listingTimeOf`). */
  createdMicros: number;
  updatedMicros: number;
  protectedMicros: number;
  /** The seed that `extend_info` is drawn from. */
  detailSeed: number;
}

/** Where `drawBackup` writes the two ids as bytes (36 each, from `at`) instead of strings. */
export interface IdSink {
  ids: Uint8Array;
  checkpointIds: Uint8Array;
  at: number;
}

/**
 * Draws one backup. The order of the draws is the data format of `--generate`: the same
 * seed must give the same backups on every version, so it only ever changes on purpose.
 */
export function drawBackup(
  random: Random,
  server: GeneratedServer,
  story: ServerStory,
  sink?: IdSink,
): DrawnBackup {
  const auto = server.policyId !== undefined && random.chance(0.75);
  // The name's four hex digits are the low 16 bits of one draw (as `prefixedHex` takes them).
  const nameCode = (auto ? 0x10000 : 0) | (((random.next() * 4294967296) >>> 0) & 0xffff);
  // Denser towards the end, as retention leaves a project: a healthy server has a backup
  // in its last week, so the few broken ones stand out. (The same single draw as before.)
  const createdMs = newestBackupMs - Math.floor(random.next() ** words.ageSkew * spanMs);
  let id = '';
  let checkpointId = '';
  if (sink === undefined) {
    id = random.uuid();
    checkpointId = random.uuid();
  } else {
    random.uuidInto(sink.ids, sink.at);
    random.uuidInto(sink.checkpointIds, sink.at);
  }
  const drawnStatus = pickStatus(random);
  const createdMicros = createdMs * 1000 + random.int(1000);
  const updatedMs = createdMs + (60 + random.int(3600)) * 1000;
  const updatedMicros = updatedMs * 1000 + random.int(1000);
  const protectedMs = createdMs - random.int(300) * 1000;
  const protectedMicros = protectedMs * 1000 + random.int(1000);
  const detailSeed = (random.next() * 4294967296) >>> 0;
  const status = storyStatus(drawnStatus, story, createdMs, detailSeed);
  return {
    id,
    checkpointId,
    nameCode,
    auto,
    status,
    createdMicros,
    updatedMicros,
    protectedMicros,
    detailSeed,
  };
}

/** A listing time from microseconds since the epoch. */
export function timeOfMicros(micros: number): string {
  return listingTimeOfMicros(micros);
}

function makeItem(drawn: DrawnBackup, server: GeneratedServer): CheckpointItem {
  const item: CheckpointItem = {
    id: drawn.id,
    checkpoint_id: drawn.checkpointId,
    name: generatedName(drawn.nameCode),
    description: drawn.auto ? 'backup created by policy' : '',
    status: drawn.status,
    resource_id: server.resourceId,
    resource_type: 'OS::Nova::Server',
    created_at: timeOfMicros(drawn.createdMicros),
    updated_at: timeOfMicros(drawn.updatedMicros),
    protected_at: timeOfMicros(drawn.protectedMicros),
    expired_at: null,
    periodic_type: null,
    progress: null,
    policy_id: drawn.auto ? server.policyId : null,
    tags: server.tags,
    backup_data: server.backupData,
    extend_info: null,
    replication_records: noReplicationRecords,
  };
  item.extend_info = new GeneratedExtendInfo(server, item, drawn.detailSeed) as unknown as ExtendInfo;
  return item;
}

/**
 * Draws `count` backups of one project and hands each to `take` with its server and the
 * server's index in the returned list. Many backups per server, as a real project has:
 * they share the server's fields and tags. With `sink`, backup i's ids are written as bytes
 * at 36 * i of its arrays (the same draws) and come as "" in `drawn`.
 */
export function drawProject(
  count: number,
  seed: number,
  take: (drawn: DrawnBackup, server: GeneratedServer, index: number, serverIndex: number) => void,
  sink?: IdSink,
): GeneratedServer[] {
  const random = createRandom(seed);
  const servers = makeServers(random, Math.min(5000, Math.max(1, Math.ceil(count / 40))));
  const stories = servers.map(storyOf);
  for (let i = 0; i < count; i++) {
    // The same draw as `random.pick(servers)`.
    const s = random.int(servers.length);
    if (sink !== undefined) sink.at = 36 * i;
    take(drawBackup(random, servers[s]!, stories[s]!, sink), servers[s]!, i, s);
  }
  return servers;
}

function generateItems(count: number, seed: number): CheckpointItem[] {
  const items = new Array<CheckpointItem>(count);
  drawProject(count, seed, (drawn, server, i) => {
    items[i] = makeItem(drawn, server);
  });
  return items;
}

/** The seed of the second generated project, derived from the first. */
export const otherProjectSeed = (seed: number): number => (Math.imul(seed, 0x9e3779b1) ^ 0x5bd1e995) >>> 0;

/** How many projects `generate` fills: the demo project, and a second one for isolation tests. */
export const maxGeneratedProjects = 2;

export interface GenerateOptions {
  count: number;
  seed?: number;
  projects?: number;
}

/** The options with their defaults, or an EmulatorDataError naming the bad one. */
export function checkGenerateOptions(options: GenerateOptions): Required<GenerateOptions> {
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
  return { count, seed, projects };
}

/** The generated projects' credentials and users, with empty item lists. */
export function generatedAccounts(): EmulatorData {
  const d = demoCredentials;
  return {
    projects: { [d.projectId]: { checkpoint_items: [] }, [d.otherProjectId]: { checkpoint_items: [] } },
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

/**
 * Synthetic, deterministic data: `count` backups in each of `projects` projects (the demo
 * project first, then a second one for isolation tests), and the demo credentials and
 * users. The same seed gives the same data. (`startEmulator({ generate })` holds the same
 * backups as columns instead, see `GeneratedItems`.)
 */
export function generateEmulatorData(options: GenerateOptions): EmulatorData {
  const { count, seed, projects } = checkGenerateOptions(options);
  const d = demoCredentials;
  return {
    ...generatedAccounts(),
    projects: {
      [d.projectId]: { checkpoint_items: generateItems(count, seed) },
      [d.otherProjectId]: {
        checkpoint_items: projects > 1 ? generateItems(count, otherProjectSeed(seed)) : [],
      },
    },
  };
}
