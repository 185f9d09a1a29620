import type { GeneratedServer } from './generated-extend-info.js';
import * as words from './generator-vocabulary.js';
import { createRandom } from './prng.js';

/**
 * The JSON pieces a generated server's backups share, serialised once: a backup's JSON is
 * then these pieces and a few of its own strings concatenated, with no object built and no
 * `JSON.stringify` per backup.
 */
export interface ServerPieces {
  readonly resourceIdJson: string;
  readonly policyIdJson: string;
  readonly tagsJson: string;
  readonly backupDataJson: string;
  readonly azJson: string;
  readonly resourceNameJson: string;
  readonly imagesJson: string;
  readonly volumes: readonly { idJson: string; nameJson: string; size: number }[];
  readonly server: GeneratedServer;
}

export function piecesOf(server: GeneratedServer): ServerPieces {
  const json = JSON.stringify;
  return {
    resourceIdJson: json(server.resourceId),
    policyIdJson: json(server.policyId ?? null),
    tagsJson: json(server.tags),
    backupDataJson: json(server.backupData),
    azJson: json(server.az),
    resourceNameJson: json(server.resourceName),
    imagesJson: json(server.images),
    volumes: server.volumes.map((v) => ({ idJson: json(v.id), nameJson: json(v.name), size: v.size })),
    server,
  };
}

const failureJson = words.failures.map((f) => ({
  code: JSON.stringify({ Code: f.code, Description: f.reason }),
  reason: JSON.stringify(f.reason),
}));

/**
 * `extend_info` of a generated backup as JSON text: the same draws from the backup's seed,
 * in the same order, as `GeneratedExtendInfo.toJSON`, so the text equals
 * `JSON.stringify(new GeneratedExtendInfo(…))` (a test holds them together).
 */
export function extendInfoJson(
  pieces: ServerPieces,
  nameJson: string,
  auto: boolean,
  status: string,
  finishedAt: string,
  seed: number,
): string {
  const random = createRandom(seed);
  const failed = status === 'error';
  const done = status === 'available' || status === 'deleted';
  const incremental = random.chance(0.7);
  const speed = 20 + random.int(200);
  const snapshotId = random.uuid();
  const volumeStatus = JSON.stringify(done ? 'available' : status);
  let volumes = '';
  let size = 0;
  const list = pieces.volumes;
  for (let k = 0; k < list.length; k++) {
    const v = list[k]!;
    const id = random.uuid();
    const volumeSize = incremental ? random.int(v.size * 40) : v.size * 1024;
    const ratio = random.int(90);
    size += volumeSize;
    volumes +=
      `${k === 0 ? '' : ','}{"average_speed":${speed},"bootable":${k === 0},"id":"${id}","image_type":"backup",` +
      `"incremental":${incremental},"name":${nameJson},"size":${volumeSize},"source_volume_id":${v.idJson},` +
      `"source_volume_size":${v.size},"space_saving_ratio":${ratio},"status":${volumeStatus},` +
      `"source_volume_name":${v.nameJson},"snapshot_id":"${snapshotId}"}`;
  }
  const failure = failed ? failureJson[random.int(failureJson.length)] : undefined;
  const progress = done ? 100 : random.int(100);
  const ratio = random.int(90);
  const taskId = random.uuid();
  return (
    `{"auto_trigger":${auto},"average_speed":${speed},"copy_from":"","copy_status":"na",` +
    `"fail_code":${failure ? failure.code : '{}'},"fail_op":${failed ? '"backup"' : '""'},` +
    `"fail_reason":${failure ? failure.reason : '""'},"image_type":"backup","incremental":${incremental},` +
    `"progress":${progress},"resource_az":${pieces.azJson},"resource_name":${pieces.resourceNameJson},` +
    `"resource_type":"OS::Nova::Server","size":${size},"space_saving_ratio":${ratio},` +
    `"volume_backups":[${volumes}],"finished_at":"${finishedAt}","supported_restore_mode":"backup",` +
    `"os_images_data":${pieces.imagesJson},"support_lld":false,"taskid":"${taskId}","hypervisor_type":"QEMU"}`
  );
}
