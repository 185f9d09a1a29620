import { timeSlot, uuidSlot } from './byte-writing.js';
import type { GeneratedServer } from './generated-extend-info.js';

/**
 * The JSON text that the backups of each generated server share, encoded once, for the item
 * writer (generated-item-json.ts). Laid out for a page of random backups, where each backup
 * is of another server and its pieces are not in the cache: the bytes of all servers in one
 * buffer, one server's in the order a backup writes them; a view of each piece in one flat
 * array (`viewStride` a server) and the numbers — volume count, sizes, where the slots are —
 * in one Int32Array (`infoStride` a server). A backup then reads one line of views, one of
 * numbers and its server's bytes front to back, rather than chasing a chain of objects per
 * piece (which a profile of such pages showed costing more than the copying).
 *
 * A run's slots are the fixed-width fields inside it (times, uuids), left as `timeSlot` and
 * `uuidSlot` text for the writer to fill in place after the copy.
 */

export const maxVolumes = 8;

/** Views of a server, by index from `server * viewStride`. */
export const view = {
  /**
   * From `,"resource_id":"…"` to `"extend_info":{"auto_trigger":…,"average_speed":`, with the
   * slots of `created_at`, `updated_at` and `protected_at`: a manual backup's [+0], an automatic one's [+1].
   */
  times: 0,
  /** `,"resource_az":…,"resource_name":…,"resource_type":"OS::Nova::Server","size":` */
  beforeSize: 2,
  /** After `"space_saving_ratio":N` of a backup without volumes: `,"volume_backups":[],"finished_at":"<time>",…}`. */
  noVolumes: 3,
  /** `,"tags":[…]}`: the end of a tag-query resource. */
  resourceEnd: 4,
  /**
   * Volume k's `,"source_volume_id":"…","source_volume_size":N,"space_saving_ratio":` [+2k],
   * and [+2k+1] its `,"source_volume_name":"…","snapshot_id":"<uuid>"` and then the next volume
   * backup's `"},{"average_speed":`, or, for the last volume, the rest of the item:
   * `"}],"finished_at":"<time>",…,"taskid":"<uuid>",…}`.
   */
  volumes: 5,
} as const;
export const viewStride = view.volumes + 2 * maxVolumes;

/** Numbers of a server, by index from `server * infoStride`. */
export const info = {
  volumeCount: 0,
  /** An upper bound of a backup's bytes apart from its name. */
  bound: 1,
  /** Offsets in the `times` runs (the same in both) of `created_at`, `updated_at`, `protected_at`. */
  created: 2,
  updated: 3,
  protected: 4,
  /** Offsets in `noVolumes` of `finished_at` and `taskid`. */
  noVolumesFinished: 5,
  noVolumesTask: 6,
  /** Volume k's [+4k] size, and offsets in its end run of [+4k+1] `snapshot_id`, [+4k+2] `finished_at` and [+4k+3] `taskid` (the last volume only). */
  volumes: 8,
} as const;
export const infoStride = info.volumes + 4 * maxVolumes;

const json = (value: unknown) => JSON.stringify(value);

const time = Symbol('time');
const uuid = Symbol('uuid');
type Part = string | typeof time | typeof uuid;

/** A piece's text, and where its slots start, in the order they were laid out. */
interface Layout {
  readonly text: string;
  readonly slots: readonly number[];
}

function layout(...parts: Part[]): Layout {
  let text = '';
  const slots: number[] = [];
  for (const part of parts) {
    if (typeof part === 'string') {
      text += part;
      continue;
    }
    slots.push(Buffer.byteLength(text));
    text += part === time ? timeSlot : uuidSlot;
  }
  return { text, slots };
}

/** A server's pieces in writing order, with the view index of each. */
function layoutsOf(server: GeneratedServer): [index: number, piece: Layout][] {
  const times = (auto: boolean) =>
    layout(
      `,"resource_id":${json(server.resourceId)},"resource_type":"OS::Nova::Server","created_at":"`,
      time,
      '","updated_at":"',
      time,
      '","protected_at":"',
      time,
      `","expired_at":null,"periodic_type":null,"progress":null,"policy_id":${json(auto ? (server.policyId ?? null) : null)}` +
        `,"tags":${json(server.tags)},"backup_data":${json(server.backupData)}` +
        `,"extend_info":{"auto_trigger":${auto},"average_speed":`,
    );
  // From `finished_at` on: the same for every backup of the server but its two slots.
  const tail: Part[] = [
    time,
    `","supported_restore_mode":"backup","os_images_data":${json(server.images)},"support_lld":false,"taskid":"`,
    uuid,
    '","hypervisor_type":"QEMU"},"replication_records":[]}',
  ];
  const last = server.volumes.length - 1;
  const pieces: [number, Layout][] = [
    [view.times, times(false)],
    [view.times + 1, times(true)],
    [
      view.beforeSize,
      layout(
        `,"resource_az":${json(server.az)},"resource_name":${json(server.resourceName)},"resource_type":"OS::Nova::Server","size":`,
      ),
    ],
  ];
  server.volumes.forEach((v, k) => {
    pieces.push(
      [
        view.volumes + 2 * k,
        layout(`,"source_volume_id":${json(v.id)},"source_volume_size":${v.size},"space_saving_ratio":`),
      ],
      [
        view.volumes + 2 * k + 1,
        layout(
          `,"source_volume_name":${json(v.name)},"snapshot_id":"`,
          uuid,
          ...(k === last ? ['"}],"finished_at":"', ...tail] : ['"},{"average_speed":']),
        ),
      ],
    );
  });
  pieces.push(
    [view.noVolumes, layout(',"volume_backups":[],"finished_at":"', ...tail)],
    [view.resourceEnd, layout(`,"tags":${json(server.tags)}}`)],
  );
  return pieces;
}

/** The shared pieces of every server of one generated project. */
export class ServerPieces {
  readonly servers: readonly GeneratedServer[];
  readonly views: readonly Uint8Array[];
  readonly info: Int32Array;

  constructor(servers: readonly GeneratedServer[]) {
    this.servers = servers;
    const layouts = servers.map((server) => {
      if (server.volumes.length > maxVolumes)
        throw new Error(`a generated server has at most ${maxVolumes} volumes`);
      return layoutsOf(server);
    });
    const bytes = Buffer.from(
      layouts.flatMap((pieces) => pieces.map(([, piece]) => piece.text)).join(''),
      'utf8',
    );
    const views = new Array<Uint8Array>(servers.length * viewStride);
    const numbers = new Int32Array(servers.length * infoStride);
    const empty = new Uint8Array(0);
    let at = 0;
    layouts.forEach((pieces, s) => {
      const server = servers[s]!;
      const v0 = s * viewStride;
      const n0 = s * infoStride;
      views.fill(empty, v0, v0 + viewStride);
      let bound = 2048;
      const slots: Layout['slots'][] = [];
      for (const [index, piece] of pieces) {
        const length = Buffer.byteLength(piece.text);
        views[v0 + index] = new Uint8Array(bytes.buffer, bytes.byteOffset + at, length);
        slots[index] = piece.slots;
        at += length;
        bound += length;
      }
      const [created, updated, protectedAt] = slots[view.times]!;
      if (String(slots[view.times]) !== String(slots[view.times + 1]))
        throw new Error('the times of manual and automatic backups differ in place');
      numbers[n0 + info.volumeCount] = server.volumes.length;
      numbers[n0 + info.bound] = bound + 256 * server.volumes.length;
      numbers[n0 + info.created] = created!;
      numbers[n0 + info.updated] = updated!;
      numbers[n0 + info.protected] = protectedAt!;
      numbers[n0 + info.noVolumesFinished] = slots[view.noVolumes]![0]!;
      numbers[n0 + info.noVolumesTask] = slots[view.noVolumes]![1]!;
      server.volumes.forEach((volume, k) => {
        const [snapshot, finished = 0, task = 0] = slots[view.volumes + 2 * k + 1]!;
        const n = n0 + info.volumes + 4 * k;
        numbers[n] = volume.size;
        numbers[n + 1] = snapshot!;
        numbers[n + 2] = finished;
        numbers[n + 3] = task;
      });
    });
    this.views = views;
    this.info = numbers;
  }
}
