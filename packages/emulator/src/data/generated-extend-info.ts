import type { ExtendInfo, VolumeBackup } from '@csbs-kit/models';
import * as words from './generator-vocabulary.js';
import { createRandom } from './prng.js';

/** The parts of a generated server that its backups share. */
export interface GeneratedServer {
  resourceId: string;
  resourceName: string;
  az: string;
  policyId: string | undefined;
  tags: { key: string; value: string }[];
  backupData: Record<string, unknown>;
  images: { image_id: string }[];
  volumes: { id: string; name: string; size: number }[];
}

/** The fields of the backup that the details depend on. */
export interface GeneratedBackupCore {
  name?: string | null;
  status?: string | null;
  updated_at?: string | null;
}

const emptyFailCode = Object.freeze({});

/**
 * `extend_info` of a generated backup, computed when read. A million backups with their volume
 * backups, task ids and snapshot ids held as objects take gigabytes; these details are only
 * read to answer a page, so they are drawn again from the backup's own seed each time, which
 * gives the same values on every read. The filterable fields are plain getters.
 */
export class GeneratedExtendInfo {
  readonly #server: GeneratedServer;
  readonly #backup: GeneratedBackupCore;
  readonly #seed: number;

  constructor(server: GeneratedServer, backup: GeneratedBackupCore, seed: number) {
    this.#server = server;
    this.#backup = backup;
    this.#seed = seed;
  }

  get resource_az(): string {
    return this.#server.az;
  }
  get resource_name(): string {
    return this.#server.resourceName;
  }
  get image_type(): string {
    return 'backup';
  }
  get resource_type(): string {
    return 'OS::Nova::Server';
  }
  get auto_trigger(): boolean {
    return this.#backup.name?.startsWith('autobk_') ?? false;
  }
  get volume_backups(): VolumeBackup[] {
    return this.toJSON().volume_backups as VolumeBackup[];
  }
  get size(): number {
    return this.toJSON().size as number;
  }
  get fail_reason(): string {
    return this.toJSON().fail_reason as string;
  }
  get taskid(): string {
    return this.toJSON().taskid as string;
  }

  toJSON(): ExtendInfo {
    const random = createRandom(this.#seed);
    const { name = '', status = 'available', updated_at: finishedAt = '' } = this.#backup;
    const failed = status === 'error';
    const done = status === 'available' || status === 'deleted';
    const incremental = random.chance(0.7);
    const speed = 20 + random.int(200);
    const snapshotId = random.uuid();
    const volumeBackups: VolumeBackup[] = this.#server.volumes.map((v, k) => ({
      average_speed: speed,
      bootable: k === 0,
      id: random.uuid(),
      image_type: 'backup',
      incremental,
      name,
      size: incremental ? random.int(v.size * 40) : v.size * 1024,
      source_volume_id: v.id,
      source_volume_size: v.size,
      space_saving_ratio: random.int(90),
      status: done ? 'available' : status,
      source_volume_name: v.name,
      snapshot_id: snapshotId,
    }));
    const failure = failed ? random.pick(words.failures) : undefined;
    return {
      auto_trigger: this.auto_trigger,
      average_speed: speed,
      copy_from: '',
      copy_status: 'na',
      fail_code: failure ? { Code: failure.code, Description: failure.reason } : emptyFailCode,
      fail_op: failed ? 'backup' : '',
      fail_reason: failure ? failure.reason : '',
      image_type: 'backup',
      incremental,
      progress: done ? 100 : random.int(100),
      resource_az: this.#server.az,
      resource_name: this.#server.resourceName,
      resource_type: 'OS::Nova::Server',
      size: volumeBackups.reduce((sum, v) => sum + Number(v.size), 0),
      space_saving_ratio: random.int(90),
      volume_backups: volumeBackups,
      finished_at: finishedAt,
      supported_restore_mode: 'backup',
      os_images_data: this.#server.images,
      support_lld: false,
      taskid: random.uuid(),
      hypervisor_type: 'QEMU',
    };
  }
}
