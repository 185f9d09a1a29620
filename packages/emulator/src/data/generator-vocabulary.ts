import type { CheckpointStatus } from '@csbs-kit/models';

/** Words the generator draws from; every tag respects the resource-tag rules. */
export const availabilityZones = ['eu-de-01', 'eu-de-02', 'eu-de-03'] as const;
export const serverRoles = [
  'web',
  'api',
  'db',
  'cache',
  'worker',
  'batch',
  'proxy',
  'mq',
  'search',
  'ci',
] as const;
export const environments = ['prod', 'staging', 'dev'] as const;
export const teams = ['platform', 'payments', 'search', 'data', 'identity', 'mobile'] as const;
export const apps = ['shop', 'checkout', 'catalog', 'billing', 'auth', 'reports', 'gateway'] as const;
export const tiers = ['frontend', 'backend', 'database', 'cache'] as const;
export const owners = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace'] as const;
export const backupPolicies = ['daily', 'weekly', 'monthly'] as const;
export const costCenters = ['cc-1001', 'cc-1002', 'cc-2001', 'cc-3001'] as const;
export const flavors = [
  { vcpus: 1, ram: 1024 },
  { vcpus: 2, ram: 4096 },
  { vcpus: 4, ram: 8192 },
  { vcpus: 8, ram: 16384 },
  { vcpus: 16, ram: 65536 },
] as const;

/** Mostly `available`, as a real project's backup list is; the rest in rough proportion. */
export const statusWeights: readonly (readonly [CheckpointStatus, number])[] = [
  ['available', 0.86],
  ['error', 0.05],
  ['protecting', 0.02],
  ['waiting_protect', 0.01],
  ['restoring', 0.01],
  ['waiting_restore', 0.01],
  ['deleting', 0.02],
  ['waiting_delete', 0.01],
  ['deleted', 0.01],
];

export const failures = [
  { code: 'BackupService.9006', reason: 'Failed to create the snapshot of the volume.' },
  { code: 'BackupService.9017', reason: 'The backup quota is insufficient.' },
  { code: 'BackupService.9023', reason: 'The server is in an error state.' },
] as const;

/**
 * The story a report of generated data tells. A few servers whose backups broke some days
 * before the data ends (every backup since is an `error`: "no good backup in a week"), and
 * one incident: an AZ where most backups of a few days failed. Both are decided from values
 * already drawn (the server's id, the backup's time and detail seed), never from extra
 * draws, so every other field of every seed stays as it was.
 */
/** Backup ages are `span * r ** ageSkew` for a uniform r: more recent backups than old ones. */
export const ageSkew = 1.5;

export const brokenServers = {
  /** Share of servers whose backups fail from some day on: ids starting with 0..0x0f of 0xff. */
  idBelow: 0x10,
  /** They broke this many days before the newest backup, plus up to `extraDays` more. */
  minDays: 8,
  extraDays: 40,
} as const;

export const incident = {
  az: 'eu-de-02',
  /** Days before the newest backup that the incident started, and how long it lasted. */
  startDaysBefore: 41,
  days: 3,
  /** Of the backups in that window and AZ, this share (in 8ths, by detail seed) failed. */
  failedEighths: 6,
} as const;
