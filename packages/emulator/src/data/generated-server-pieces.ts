import { timeSlot, uuidSlot } from './byte-writing.js';
import type { GeneratedServer } from './generated-extend-info.js';

/**
 * The JSON text that the backups of each generated server share, encoded once, for the item
 * writer (generated-item-json.ts). Laid out for a page of random backups, where each backup
 * is of another server and its pieces are not in the cache (at 5,000 servers, a page writes
 * ~30% slower than with 16): for each server, in one buffer, its numbers — volume count,
 * where each piece is and how long, where the slots are — and then its pieces in the order
 * a backup writes them, each from a whole 8-byte word on, copied as words (`putPiece`). A
 * backup then reads its server's line of numbers and the bytes after it front to back.
 * Views of the pieces (a typed-array object each, for `set`) were a further dependent miss
 * between the numbers and the bytes: one is left a server, for its longest piece.
 *
 * A piece's slots are the fixed-width fields inside it (times, uuids), left as `timeSlot` and
 * `uuidSlot` text for the writer to fill in place after the copy.
 */

export const maxVolumes = 8;

/** The pieces of a server, by index. */
const piece = {
  /**
   * From `,"resource_id":"…"` to `"policy_id":`, with the slots of `created_at`, `updated_at`
   * and `protected_at`.
   */
  times: 0,
  /** An automatic backup's `policy_id` value (a manual one's is `null`, a shared run). */
  policy: 1,
  /** `,"tags":…,"backup_data":…,"extend_info":{"auto_trigger":`, the longest piece. */
  details: 2,
  /** `,"resource_az":…,"resource_name":…,"resource_type":"OS::Nova::Server","size":` */
  beforeSize: 3,
  /** After `"space_saving_ratio":N` of a backup without volumes: `,"volume_backups":[],"finished_at":"<time>",…}`. */
  noVolumes: 4,
  /** `,"tags":[…]}`: the end of a tag-query resource. */
  resourceEnd: 5,
  /**
   * Volume k's `,"source_volume_id":"…","source_volume_size":N,"space_saving_ratio":` [+2k],
   * and [+2k+1] its `,"source_volume_name":"…","snapshot_id":"<uuid>"` and then the next volume
   * backup's `"},{"average_speed":`, or, for the last volume, the rest of the item:
   * `"}],"finished_at":"<time>",…,"taskid":"<uuid>",…}`.
   */
  volumes: 6,
} as const;

/**
 * Numbers of a server, by index from `ServerPieces.starts[server]` in `ServerPieces.info`. A
 * piece's place is two numbers: its first word in `ServerPieces.words` and then its length in bytes.
 */
export const info = {
  volumeCount: 0,
  /** An upper bound of a backup's bytes apart from its name. */
  bound: 1,
  /** Offsets in the `times` piece of `created_at`, `updated_at`, `protected_at`. */
  created: 2,
  updated: 3,
  protected: 4,
  /** Offsets in `noVolumes` of `finished_at` and `taskid`. */
  noVolumesFinished: 5,
  noVolumesTask: 6,
  /** The places of the pieces, in the order of `piece`. */
  times: 8,
  policy: 10,
  details: 12,
  beforeSize: 14,
  noVolumes: 16,
  resourceEnd: 18,
  /**
   * Volume k's numbers from `volumes + volumeStride * k`: the places of its two pieces, its
   * size, and the offsets in its second piece of `snapshot_id`, `finished_at` and `taskid`
   * (the last two on the last volume only).
   */
  volumes: 20,
} as const;
/** A volume's numbers, by index from `info.volumes + volumeStride * k`. */
export const volumeInfo = { source: 0, end: 2, size: 4, snapshot: 5, finished: 6, task: 7 } as const;
export const volumeStride = 8;

/** Where each piece's place is in a server's numbers, by piece index. */
const placeOf = (index: number): number =>
  index >= piece.volumes
    ? info.volumes +
      volumeStride * ((index - piece.volumes) >> 1) +
      ((index - piece.volumes) & 1 ? volumeInfo.end : volumeInfo.source)
    : info.times + 2 * index;

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

/** A server's pieces in writing order, with the index (`piece`) of each. */
function layoutsOf(server: GeneratedServer): [index: number, piece: Layout][] {
  // From `finished_at` on: the same for every backup of the server but its two slots.
  const tail: Part[] = [
    time,
    `","supported_restore_mode":"backup","os_images_data":${json(server.images)},"support_lld":false,"taskid":"`,
    uuid,
    '","hypervisor_type":"QEMU"},"replication_records":[]}',
  ];
  const last = server.volumes.length - 1;
  const pieces: [number, Layout][] = [
    [
      piece.times,
      layout(
        `,"resource_id":${json(server.resourceId)},"resource_type":"OS::Nova::Server","created_at":"`,
        time,
        '","updated_at":"',
        time,
        '","protected_at":"',
        time,
        '","expired_at":null,"periodic_type":null,"progress":null,"policy_id":',
      ),
    ],
    [piece.policy, layout(json(server.policyId ?? null))],
    [
      piece.details,
      layout(
        `,"tags":${json(server.tags)},"backup_data":${json(server.backupData)},"extend_info":{"auto_trigger":`,
      ),
    ],
    [
      piece.beforeSize,
      layout(
        `,"resource_az":${json(server.az)},"resource_name":${json(server.resourceName)},"resource_type":"OS::Nova::Server","size":`,
      ),
    ],
  ];
  server.volumes.forEach((v, k) => {
    pieces.push(
      [
        piece.volumes + 2 * k,
        layout(`,"source_volume_id":${json(v.id)},"source_volume_size":${v.size},"space_saving_ratio":`),
      ],
      [
        piece.volumes + 2 * k + 1,
        layout(
          `,"source_volume_name":${json(v.name)},"snapshot_id":"`,
          uuid,
          ...(k === last ? ['"}],"finished_at":"', ...tail] : ['"},{"average_speed":']),
        ),
      ],
    );
  });
  pieces.push(
    [piece.resourceEnd, layout(`,"tags":${json(server.tags)}}`)],
    [piece.noVolumes, layout(',"volume_backups":[],"finished_at":"', ...tail)],
  );
  return pieces;
}

/** The shared pieces of every server of one generated project. */
export class ServerPieces {
  readonly servers: readonly GeneratedServer[];
  /**
   * Every server's numbers and then its pieces, in one buffer: `words` are its 8-byte words
   * (see `putPiece`), each piece from a whole word on, and `info` its 32-bit numbers. A
   * server's numbers lie just before its pieces, so that a backup's first miss (the numbers)
   * brings the start of its pieces along, rather than leading to a second miss elsewhere.
   */
  readonly words: Float64Array;
  readonly info: Int32Array;
  /** Where each server's numbers start in `info`. */
  readonly starts: Int32Array;
  /**
   * Each server's `details` piece again, as a view for `set`: at ~500 bytes a copy by words
   * costs more than the call and the view's cache miss.
   */
  readonly details: readonly Uint8Array[];

  constructor(servers: readonly GeneratedServer[]) {
    this.servers = servers;
    const layouts = servers.map((server) => {
      if (server.volumes.length > maxVolumes)
        throw new Error(`a generated server has at most ${maxVolumes} volumes`);
      return layoutsOf(server);
    });
    const encoded = layouts.map((pieces) =>
      pieces.map(([index, p]) => ({ index, p, text: Buffer.from(p.text, 'utf8') })),
    );
    const numberWords = (server: GeneratedServer) =>
      Math.ceil((info.volumes + volumeStride * server.volumes.length) / 2);
    const words =
      servers.reduce((sum, server) => sum + numberWords(server), 0) +
      encoded.flat().reduce((sum, { text }) => sum + Math.ceil(text.length / 8), 0);
    const buffer = new ArrayBuffer(8 * words);
    const bytes = new Uint8Array(buffer);
    const numbers = new Int32Array(buffer);
    const starts = new Int32Array(servers.length);
    let at = 0;
    const place = (n0: number, index: number, text: Uint8Array) => {
      bytes.set(text, 8 * at);
      numbers[n0 + placeOf(index)] = at;
      numbers[n0 + placeOf(index) + 1] = text.length;
      at += Math.ceil(text.length / 8);
    };
    // A backup without volumes is none the generator makes: those pieces go after every
    // server's others, out of the way of the pieces that pages read.
    const used = (index: number) => index !== piece.noVolumes;
    encoded.forEach((pieces, s) => {
      starts[s] = 2 * at;
      at += numberWords(servers[s]!);
      for (const { index, text } of pieces) if (used(index)) place(starts[s]!, index, text);
    });
    encoded.forEach((pieces, s) => {
      for (const { index, text } of pieces) if (!used(index)) place(starts[s]!, index, text);
    });
    encoded.forEach((pieces, s) => {
      const server = servers[s]!;
      const n0 = starts[s]!;
      const slots: Layout['slots'][] = [];
      for (const { index, p } of pieces) slots[index] = p.slots;
      const [created, updated, protectedAt] = slots[piece.times]!;
      numbers[n0 + info.volumeCount] = server.volumes.length;
      numbers[n0 + info.bound] =
        2048 + pieces.reduce((sum, { text }) => sum + text.length, 0) + 256 * server.volumes.length;
      numbers[n0 + info.created] = created!;
      numbers[n0 + info.updated] = updated!;
      numbers[n0 + info.protected] = protectedAt!;
      numbers[n0 + info.noVolumesFinished] = slots[piece.noVolumes]![0]!;
      numbers[n0 + info.noVolumesTask] = slots[piece.noVolumes]![1]!;
      server.volumes.forEach((volume, k) => {
        const [snapshot, finished = 0, task = 0] = slots[piece.volumes + 2 * k + 1]!;
        const n = n0 + info.volumes + volumeStride * k;
        numbers[n + volumeInfo.size] = volume.size;
        numbers[n + volumeInfo.snapshot] = snapshot!;
        numbers[n + volumeInfo.finished] = finished;
        numbers[n + volumeInfo.task] = task;
      });
    });
    this.words = new Float64Array(buffer);
    this.info = numbers;
    this.starts = starts;
    this.details = servers.map((_, s) => {
      const n = starts[s]! + info.details;
      return new Uint8Array(buffer, 8 * numbers[n]!, numbers[n + 1]!);
    });
  }
}
