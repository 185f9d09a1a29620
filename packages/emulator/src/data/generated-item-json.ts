import { type JsonBytes, utf8 } from '../store/json-bytes.js';
import { writeListingTime, writeUuid } from './flat-strings.js';
import type { GeneratedServer } from './generated-extend-info.js';
import * as words from './generator-vocabulary.js';
import { mulberry32 } from './prng.js';

/**
 * The JSON pieces a generated server's backups share, encoded once: a backup's JSON is then
 * these pieces and a few bytes of its own, with no object built and no `JSON.stringify`.
 */
export interface ServerPieces {
  readonly resourceId: Uint8Array;
  readonly policyId: Uint8Array;
  readonly tags: Uint8Array;
  readonly backupData: Uint8Array;
  readonly az: Uint8Array;
  readonly resourceName: Uint8Array;
  readonly images: Uint8Array;
  readonly volumes: readonly { id: Uint8Array; name: Uint8Array; size: number }[];
  readonly server: GeneratedServer;
}

const json = (value: unknown) => utf8(JSON.stringify(value));

export function piecesOf(server: GeneratedServer): ServerPieces {
  return {
    resourceId: json(server.resourceId),
    policyId: json(server.policyId ?? null),
    tags: json(server.tags),
    backupData: json(server.backupData),
    az: json(server.az),
    resourceName: json(server.resourceName),
    images: json(server.images),
    volumes: server.volumes.map((v) => ({ id: json(v.id), name: json(v.name), size: v.size })),
    server,
  };
}

const failurePieces = words.failures.map((f) => ({
  code: json({ Code: f.code, Description: f.reason }),
  reason: json(f.reason),
}));
const c = {
  autoTrigger: utf8('{"auto_trigger":'),
  averageSpeed: utf8(',"average_speed":'),
  copy: utf8(',"copy_from":"","copy_status":"na","fail_code":'),
  emptyFailCode: utf8('{}'),
  failOpBackup: utf8(',"fail_op":"backup","fail_reason":'),
  failOpNone: utf8(',"fail_op":"","fail_reason":'),
  emptyText: utf8('""'),
  incremental: utf8(',"image_type":"backup","incremental":'),
  progress: utf8(',"progress":'),
  az: utf8(',"resource_az":'),
  resourceName: utf8(',"resource_name":'),
  size: utf8(',"resource_type":"OS::Nova::Server","size":'),
  ratio: utf8(',"space_saving_ratio":'),
  volumes: utf8(',"volume_backups":['),
  finishedAt: utf8('],"finished_at":"'),
  images: utf8('","supported_restore_mode":"backup","os_images_data":'),
  taskId: utf8(',"support_lld":false,"taskid":"'),
  end: utf8('","hypervisor_type":"QEMU"}'),
  vSpeed: utf8('{"average_speed":'),
  vBootable: utf8(',"bootable":'),
  vId: utf8(',"id":"'),
  vIncremental: utf8('","image_type":"backup","incremental":'),
  vName: utf8(',"name":'),
  vSize: utf8(',"size":'),
  vSourceId: utf8(',"source_volume_id":'),
  vSourceSize: utf8(',"source_volume_size":'),
  vRatio: utf8(',"space_saving_ratio":'),
  vStatus: utf8(',"status":'),
  vSourceName: utf8(',"source_volume_name":'),
  vSnapshot: utf8(',"snapshot_id":"'),
  vEnd: utf8('"}'),
  true: utf8('true'),
  false: utf8('false'),
};

/**
 * Drawn before they are written: the total size comes first in the text and is the sum of
 * the volumes' sizes, so the volumes' draws are kept here until their turn.
 */
const volumeScratch: number[] = [];
const snapshotId = new Uint8Array(36);
const maxVolumes = 8;
const volumeIds = new Uint8Array(36 * maxVolumes);

/**
 * Writes `extend_info` of a generated backup: the same draws from the backup's seed, in the
 * same order, as `GeneratedExtendInfo.toJSON`, so the bytes equal
 * `JSON.stringify(new GeneratedExtendInfo(…))` (a test holds them together).
 */
export function writeExtendInfo(
  out: JsonBytes,
  pieces: ServerPieces,
  name: string,
  auto: boolean,
  status: string,
  statusJson: Uint8Array,
  finishedAt: number,
  seed: number,
): void {
  const next = mulberry32(seed);
  const int = (max: number) => Math.floor(next() * max);
  const failed = status === 'error';
  const done = status === 'available' || status === 'deleted';
  const incremental = next() < 0.7;
  const speed = 20 + int(200);
  writeUuid(snapshotId, 0, next);
  const list = pieces.volumes;
  if (list.length > maxVolumes) throw new Error(`a generated server has at most ${maxVolumes} volumes`);
  volumeScratch.length = 0;
  let size = 0;
  for (let k = 0; k < list.length; k++) {
    const v = list[k]!;
    writeUuid(volumeIds, 36 * k, next);
    const volumeSize = incremental ? int(v.size * 40) : v.size * 1024;
    volumeScratch.push(volumeSize, int(90));
    size += volumeSize;
  }
  const failure = failed ? failurePieces[int(failurePieces.length)] : undefined;
  const progress = done ? 100 : int(100);
  const ratio = int(90);
  out.bytes(c.autoTrigger);
  out.bytes(auto ? c.true : c.false);
  out.bytes(c.averageSpeed);
  out.uint(speed);
  out.bytes(c.copy);
  out.bytes(failure ? failure.code : c.emptyFailCode);
  out.bytes(failed ? c.failOpBackup : c.failOpNone);
  out.bytes(failure ? failure.reason : c.emptyText);
  out.bytes(c.incremental);
  out.bytes(incremental ? c.true : c.false);
  out.bytes(c.progress);
  out.uint(progress);
  out.bytes(c.az);
  out.bytes(pieces.az);
  out.bytes(c.resourceName);
  out.bytes(pieces.resourceName);
  out.bytes(c.size);
  out.uint(size);
  out.bytes(c.ratio);
  out.uint(ratio);
  out.bytes(c.volumes);
  for (let k = 0; k < list.length; k++) {
    const v = list[k]!;
    if (k > 0) out.byte(44);
    out.bytes(c.vSpeed);
    out.uint(speed);
    out.bytes(c.vBootable);
    out.bytes(k === 0 ? c.true : c.false);
    out.bytes(c.vId);
    out.bytes(volumeIds.subarray(36 * k, 36 * k + 36));
    out.bytes(c.vIncremental);
    out.bytes(incremental ? c.true : c.false);
    out.bytes(c.vName);
    out.byte(34);
    out.ascii(name);
    out.byte(34);
    out.bytes(c.vSize);
    out.uint(volumeScratch[2 * k]!);
    out.bytes(c.vSourceId);
    out.bytes(v.id);
    out.bytes(c.vSourceSize);
    out.uint(v.size);
    out.bytes(c.vRatio);
    out.uint(volumeScratch[2 * k + 1]!);
    out.bytes(c.vStatus);
    out.bytes(done ? statusJsonAvailable : statusJson);
    out.bytes(c.vSourceName);
    out.bytes(v.name);
    out.bytes(c.vSnapshot);
    out.bytes(snapshotId);
    out.bytes(c.vEnd);
  }
  out.bytes(c.finishedAt);
  const [timeBuf, timeAt] = out.reserve(26);
  writeListingTime(timeBuf, timeAt, finishedAt);
  out.bytes(c.images);
  out.bytes(pieces.images);
  out.bytes(c.taskId);
  const [taskBuf, taskAt] = out.reserve(36);
  writeUuid(taskBuf, taskAt, next);
  out.bytes(c.end);
}

const statusJsonAvailable = utf8('"available"');
