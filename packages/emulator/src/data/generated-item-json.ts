import { checkpointStatuses } from '@csbs-kit/models';
import type { JsonBytes } from '../store/json-bytes.js';
import { putAscii, putBytes, putListingTime, putUint } from './byte-writing.js';
import { writeUuidWords } from './flat-strings.js';
import type { GeneratedServer } from './generated-extend-info.js';
import * as words from './generator-vocabulary.js';

/**
 * Writes generated backups' JSON: every run of text that does not change between the
 * backups of one server (or between all backups) is one pre-encoded piece, so a backup is
 * ~30 byte copies plus its ids, name, digits and times, written with a local position into
 * a buffer sized once per backup. `extend_info` is drawn again from the backup's seed, with
 * the same draws in the same order as `GeneratedExtendInfo.toJSON`, so the bytes equal
 * `JSON.stringify` of `generateEmulatorData`'s objects (a test holds them together).
 */

const enc = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));
const json = (value: unknown) => JSON.stringify(value);

/** One volume of a server: the text around the draws of its volume backup. */
interface VolumePieces {
  /** `,"source_volume_id":"…","source_volume_size":N,"space_saving_ratio":` */
  readonly source: Uint8Array;
  /** `,"source_volume_name":"…","snapshot_id":"` */
  readonly sourceName: Uint8Array;
  readonly size: number;
}

/**
 * The JSON pieces a generated server's backups share, encoded once (≤ 5000 servers, ~1.5 KB
 * each): a backup's JSON is then these pieces and a few bytes of its own.
 */
export interface ServerPieces {
  /** `,"resource_id":"…","resource_type":"OS::Nova::Server","created_at":"` */
  readonly afterStatus: Uint8Array;
  /** From `","expired_at":…` to `"average_speed":`, for a manual [0] and an automatic [1] backup. */
  readonly beforeSpeed: readonly [Uint8Array, Uint8Array];
  /** `,"resource_az":…,"resource_name":…,"resource_type":"OS::Nova::Server","size":` */
  readonly beforeSize: Uint8Array;
  readonly volumes: readonly VolumePieces[];
  /** `","supported_restore_mode":"backup","os_images_data":[…],"support_lld":false,"taskid":"` */
  readonly beforeTaskId: Uint8Array;
  /** `,"tags":[…]}`: the end of a tag-query resource. */
  readonly resourceEnd: Uint8Array;
  /** An upper bound of a backup's bytes apart from its ids and name. */
  readonly bound: number;
  readonly server: GeneratedServer;
}

export function piecesOf(server: GeneratedServer): ServerPieces {
  const head = (auto: boolean) =>
    enc(
      `","expired_at":null,"periodic_type":null,"progress":null,"policy_id":${json(auto ? (server.policyId ?? null) : null)}` +
        `,"tags":${json(server.tags)},"backup_data":${json(server.backupData)}` +
        `,"extend_info":{"auto_trigger":${auto},"average_speed":`,
    );
  const volumes = server.volumes.map((v) => ({
    source: enc(`,"source_volume_id":${json(v.id)},"source_volume_size":${v.size},"space_saving_ratio":`),
    sourceName: enc(`,"source_volume_name":${json(v.name)},"snapshot_id":"`),
    size: v.size,
  }));
  const pieces = {
    afterStatus: enc(
      `,"resource_id":${json(server.resourceId)},"resource_type":"OS::Nova::Server","created_at":"`,
    ),
    beforeSpeed: [head(false), head(true)] as const,
    beforeSize: enc(
      `,"resource_az":${json(server.az)},"resource_name":${json(server.resourceName)},"resource_type":"OS::Nova::Server","size":`,
    ),
    volumes,
    beforeTaskId: enc(
      `","supported_restore_mode":"backup","os_images_data":${json(server.images)},"support_lld":false,"taskid":"`,
    ),
    resourceEnd: enc(`,"tags":${json(server.tags)}}`),
    server,
  };
  let bound = 2048;
  for (const piece of [pieces.afterStatus, ...pieces.beforeSpeed, pieces.beforeSize, pieces.beforeTaskId])
    bound += piece.length;
  for (const v of volumes) bound += v.source.length + v.sourceName.length + 256;
  return { ...pieces, bound: bound + pieces.resourceEnd.length };
}

const statusJson = checkpointStatuses.map((status) => json(status));
const c = {
  id: enc('{"id":"'),
  checkpointId: enc('","checkpoint_id":"'),
  name: enc('","name":"'),
  /** `","description":…,"status":"…"`, by [auto][status code]. */
  description: [false, true].map((auto) =>
    statusJson.map((status) =>
      enc(`","description":${auto ? '"backup created by policy"' : '""'},"status":${status}`),
    ),
  ),
  updatedAt: enc('","updated_at":"'),
  protectedAt: enc('","protected_at":"'),
  /** From `,"copy_from"` to `"progress":`, by [failure (0: none, 1 + index)][incremental]. */
  failure: [undefined, ...words.failures].map((f) =>
    [false, true].map((incremental) =>
      enc(
        `,"copy_from":"","copy_status":"na","fail_code":${json(f ? { Code: f.code, Description: f.reason } : {})}` +
          `,"fail_op":${json(f ? 'backup' : '')},"fail_reason":${json(f ? f.reason : '')}` +
          `,"image_type":"backup","incremental":${incremental},"progress":`,
      ),
    ),
  ),
  ratio: enc(',"space_saving_ratio":'),
  volumesStart: enc(',"volume_backups":['),
  /** The start of a volume backup: the first [0], a later one [1]. */
  volumeStart: [enc('{"average_speed":'), enc('"},{"average_speed":')],
  /** `,"bootable":…,"id":"` of a later [0] and the first [1] volume backup. */
  bootable: [enc(',"bootable":false,"id":"'), enc(',"bootable":true,"id":"')],
  /** `","image_type":"backup","incremental":…,"name":"`, by [incremental]. */
  volumeIncremental: [false, true].map((incremental) =>
    enc(`","image_type":"backup","incremental":${incremental},"name":"`),
  ),
  volumeSize: enc('","size":'),
  /** `,"status":"…"` of a volume backup, by the backup's status code. */
  volumeStatus: checkpointStatuses.map((status) =>
    enc(`,"status":${status === 'available' || status === 'deleted' ? '"available"' : json(status)}`),
  ),
  /** After the volume backups, with [0] and without [1] one before. */
  finishedAt: [enc('"}],"finished_at":"'), enc('],"finished_at":"')],
  itemEnd: enc('","hypervisor_type":"QEMU"},"replication_records":[]}'),
  resourceHead: enc('{"resource_id":"'),
  resourceName: enc('","resource_name":"'),
  resourceDetail: enc('","resource_detail":'),
};

const errorCode = checkpointStatuses.indexOf('error');
const availableCode = checkpointStatuses.indexOf('available');
const deletedCode = checkpointStatuses.indexOf('deleted');

/** The columns of one generated project that a backup's JSON is read from. */
export interface ItemColumns {
  /** 36 bytes a row (`IdBytes`). */
  readonly ids: Uint8Array;
  readonly checkpointIds: Uint8Array;
  readonly names: readonly string[];
  readonly auto: Uint8Array;
  readonly status: Uint8Array;
  readonly server: Uint32Array;
  readonly created: Float64Array;
  readonly updated: Float64Array;
  readonly protected: Float64Array;
  readonly seeds: Uint32Array;
  readonly pieces: readonly ServerPieces[];
}

// mulberry32 (see prng.ts) with its state here, giving the raw 32-bit words: `next()` there
// is this word / 2^32, exactly, so every draw below is the same number as there.
let state = 0;
function word(): number {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}
const int = (max: number) => Math.floor((word() / 4294967296) * max);

/** `uuidFrom` (flat-strings.ts) from the next four words: the same draws, the same text. */
function putUuid(target: Uint8Array, at: number): void {
  writeUuidWords(target, at, word(), word(), word(), word());
}

const idWidth = 36;

/** Row `row`'s 36 id bytes: a plain copy, cheaper as a loop than `set` of a subarray. */
function putId(buf: Uint8Array, p: number, ids: Uint8Array, row: number): number {
  const at = row * idWidth;
  for (let i = 0; i < idWidth; i++) buf[p + i] = ids[at + i]!;
  return p + idWidth;
}

// Drawn before they are written: the total size comes first in the text and is the sum of
// the volumes' sizes, so the volumes' draws wait here for their turn.
const maxVolumes = 8;
const volumeIds = new Uint8Array(36 * maxVolumes);
const volumeSizes = new Float64Array(maxVolumes);
const volumeRatios = new Uint8Array(maxVolumes);
const snapshotId = new Uint8Array(36);

/** Writes the backup of `row` as a checkpoint item. */
export function writeGeneratedItem(out: JsonBytes, columns: ItemColumns, row: number): void {
  const pieces = columns.pieces[columns.server[row]!]!;
  const name = columns.names[row]!;
  const volumes = pieces.volumes;
  if (volumes.length > maxVolumes) throw new Error(`a generated server has at most ${maxVolumes} volumes`);
  const buf = out.room(pieces.bound + 2 * idWidth + (volumes.length + 1) * name.length);
  const auto = columns.auto[row]!;
  const status = columns.status[row]!;
  let p = out.length;
  p = putBytes(buf, p, c.id);
  p = putId(buf, p, columns.ids, row);
  p = putBytes(buf, p, c.checkpointId);
  p = putId(buf, p, columns.checkpointIds, row);
  p = putBytes(buf, p, c.name);
  p = putAscii(buf, p, name);
  p = putBytes(buf, p, c.description[auto]![status]!);
  p = putBytes(buf, p, pieces.afterStatus);
  p = putListingTime(buf, p, columns.created[row]!);
  p = putBytes(buf, p, c.updatedAt);
  const updated = columns.updated[row]!;
  p = putListingTime(buf, p, updated);
  p = putBytes(buf, p, c.protectedAt);
  p = putListingTime(buf, p, columns.protected[row]!);
  p = putBytes(buf, p, pieces.beforeSpeed[auto]!);

  // extend_info, drawn in GeneratedExtendInfo.toJSON's order.
  state = columns.seeds[row]! >>> 0;
  const failed = status === errorCode;
  const done = status === availableCode || status === deletedCode;
  const incremental = word() / 4294967296 < 0.7 ? 1 : 0;
  const speed = 20 + int(200);
  putUuid(snapshotId, 0);
  let size = 0;
  for (let k = 0; k < volumes.length; k++) {
    const v = volumes[k]!;
    putUuid(volumeIds, 36 * k);
    const volumeSize = incremental === 1 ? int(v.size * 40) : v.size * 1024;
    volumeSizes[k] = volumeSize;
    volumeRatios[k] = int(90);
    size += volumeSize;
  }
  const failure = failed ? 1 + int(words.failures.length) : 0;
  const progress = done ? 100 : int(100);
  const ratio = int(90);
  p = putUint(buf, p, speed);
  p = putBytes(buf, p, c.failure[failure]![incremental]!);
  p = putUint(buf, p, progress);
  p = putBytes(buf, p, pieces.beforeSize);
  p = putUint(buf, p, size);
  p = putBytes(buf, p, c.ratio);
  p = putUint(buf, p, ratio);
  p = putBytes(buf, p, c.volumesStart);
  for (let k = 0; k < volumes.length; k++) {
    const v = volumes[k]!;
    p = putBytes(buf, p, c.volumeStart[k === 0 ? 0 : 1]!);
    p = putUint(buf, p, speed);
    p = putBytes(buf, p, c.bootable[k === 0 ? 1 : 0]!);
    buf.set(volumeIds.subarray(36 * k, 36 * k + 36), p);
    p += 36;
    p = putBytes(buf, p, c.volumeIncremental[incremental]!);
    p = putAscii(buf, p, name);
    p = putBytes(buf, p, c.volumeSize);
    p = putUint(buf, p, volumeSizes[k]!);
    p = putBytes(buf, p, v.source);
    p = putUint(buf, p, volumeRatios[k]!);
    p = putBytes(buf, p, c.volumeStatus[status]!);
    p = putBytes(buf, p, v.sourceName);
    p = putBytes(buf, p, snapshotId);
  }
  p = putBytes(buf, p, c.finishedAt[volumes.length > 0 ? 0 : 1]!);
  p = putListingTime(buf, p, updated);
  p = putBytes(buf, p, pieces.beforeTaskId);
  putUuid(buf, p);
  p += 36;
  p = putBytes(buf, p, c.itemEnd);
  out.moveTo(p);
}

/** Writes the backup of `row` as a tag-query resource. */
export function writeGeneratedResource(out: JsonBytes, columns: ItemColumns, row: number): void {
  const name = columns.names[row]!;
  let buf = out.room(64 + idWidth + name.length);
  let p = out.length;
  p = putBytes(buf, p, c.resourceHead);
  p = putId(buf, p, columns.ids, row);
  p = putBytes(buf, p, c.resourceName);
  p = putAscii(buf, p, name);
  p = putBytes(buf, p, c.resourceDetail);
  out.moveTo(p);
  writeGeneratedItem(out, columns, row);
  const end = columns.pieces[columns.server[row]!]!.resourceEnd;
  buf = out.room(end.length);
  out.moveTo(putBytes(buf, out.length, end));
}
