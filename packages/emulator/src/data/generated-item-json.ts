import { checkpointStatuses } from '@csbs-kit/models';
import type { JsonBytes } from '../store/json-bytes.js';
import {
  copyTime,
  putHex4,
  putPiece,
  putRun,
  putTime,
  putUint,
  putUuid,
  putWords,
  slack,
} from './byte-writing.js';
import {
  c,
  idAt,
  nameAt,
  prefixOf,
  resourceIdAt,
  resourceNameAt,
  volumeIdAt,
  volumeNameAt,
} from './generated-item-runs.js';
import { info, maxVolumes, type ServerPieces, volumeInfo, volumeStride } from './generated-server-pieces.js';
import * as vocabulary from './generator-vocabulary.js';

/**
 * Writes generated backups' JSON. The text between two fields of variable length (a name, a
 * number) is one pre-encoded run — per server where it holds the server's fields
 * (generated-server-pieces.ts), shared otherwise (generated-item-runs.ts) — with the fixed-width fields inside it
 * (ids, uuids, times) left as slots that are filled in place after the run is copied. A
 * backup with two volumes is then 17 runs (the long ones a `set` each, the others copied by
 * 8-byte words), its digits, and word stores into the slots. `extend_info` is drawn again
 * from the backup's seed, with the same draws in the same order as
 * `GeneratedExtendInfo.toJSON`, so the bytes equal `JSON.stringify` of
 * `generateEmulatorData`'s objects (a test holds them together).
 *
 * At 5,000 servers and random rows, most of a backup's time is its first reads missing the
 * cache: the same pages cost ~30% less with 16 servers, ~14% less with consecutive rows.
 */

const errorCode = checkpointStatuses.indexOf('error');
const availableCode = checkpointStatuses.indexOf('available');
const deletedCode = checkpointStatuses.indexOf('deleted');

/** The columns of one generated project that a backup's JSON is read from. */
export interface ItemColumns {
  /** 36 bytes a row (`IdBytes`), as native 32-bit words: 9 a row. */
  readonly ids: Uint32Array;
  readonly checkpointIds: Uint32Array;
  /** Each row's name as its code (`generatedName`). */
  readonly nameCodes: Uint32Array;
  readonly auto: Uint8Array;
  readonly status: Uint8Array;
  readonly server: Uint32Array;
  readonly created: Float64Array;
  readonly updated: Float64Array;
  readonly protected: Float64Array;
  readonly seeds: Uint32Array;
  readonly pieces: ServerPieces;
}

const idWords = 9;
const idWidth = 36;

/**
 * The raw 32-bit words of mulberry32 (see prng.ts) from `seed`: `next()` there is a word / 2^32,
 * exactly, so every draw below is the same number as there. Drawn in one loop with the state
 * in a local: kept in a module variable, the state (above the small-integer range) was a
 * heap number allocated at every draw.
 */
const drawn = new Uint32Array(13 + 6 * maxVolumes);
function draw(seed: number, count: number): void {
  // In 32-bit integers throughout (the same bits as prng.ts's `>>> 0`, which makes numbers
  // past the small-integer range): stored into the Uint32Array, the word is the same.
  let state = seed | 0;
  for (let i = 0; i < count; i++) {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    drawn[i] = t ^ (t >>> 14);
  }
}
/** `random.int(max)` of the drawn word at `at`. */
const intAt = (at: number, max: number) => Math.floor((drawn[at]! / 4294967296) * max);

/** Where each volume's drawn id starts in `drawn`, and its size and ratio. */
const volumeDrawnAt = new Uint8Array(maxVolumes);
const volumeSizes = new Float64Array(maxVolumes);
const volumeRatios = new Uint8Array(maxVolumes);

function putDrawnUuid(view: DataView, at: number, from: number): void {
  putUuid(view, at, drawn, from);
}

/**
 * The item is written by three functions rather than one: V8 inlines small callees into a
 * caller only up to a budget of bytecode per caller, and one long writer spent it before
 * its time, uuid and digit writers, which were then called ~30 times per item.
 */

/** `{"id":…` through `"average_speed":`: the ids, the name and the three times. */
function putHead(
  buf: Uint8Array,
  dv: DataView,
  p: number,
  columns: ItemColumns,
  row: number,
  server: number,
  n0: number,
  auto: number,
  status: number,
  nameCode: number,
): number {
  const { words, info: numbers } = columns.pieces;
  const prefix = prefixOf(nameCode);
  const start = p;
  p = putRun(buf, dv, p, c.head[prefix]![auto]![status]!);
  putWords(dv, start + idAt[0]!, columns.ids, row * idWords, idWidth);
  putWords(dv, start + idAt[1]!, columns.checkpointIds, row * idWords, idWidth);
  putHex4(dv, start + nameAt[prefix]!, nameCode & 0xffff);
  const times = p;
  p = putPiece(dv, p, words, numbers[n0 + info.times]!, numbers[n0 + info.times + 1]!);
  putTime(dv, times + numbers[n0 + info.created]!, columns.created, row);
  updatedAt[0] = times + numbers[n0 + info.updated]!;
  putTime(dv, updatedAt[0]!, columns.updated, row);
  putTime(dv, times + numbers[n0 + info.protected]!, columns.protected, row);
  p =
    auto === 1
      ? putPiece(dv, p, words, numbers[n0 + info.policy]!, numbers[n0 + info.policy + 1]!)
      : putRun(buf, dv, p, c.noPolicy);
  const details = columns.pieces.details[server]!;
  buf.set(details, p);
  return putRun(buf, dv, p + details.length, c.autoTrigger[auto]!);
}

/** Where `updated_at` was written: `finished_at` is the same time, copied from there. */
const updatedAt = new Int32Array(1);

/**
 * Where the first reads of each backup go (see `writeGeneratedItem`): stored, so that the
 * compiler keeps reads whose values are otherwise used only later.
 */
const touched = new Uint32Array(1);

/** Volume backup `k` from its `{"average_speed":` value on, and on the last one the rest of the item. */
function putVolume(
  buf: Uint8Array,
  dv: DataView,
  p: number,
  columns: ItemColumns,
  row: number,
  n0: number,
  k: number,
  speed: number,
  incremental: number,
  task: number,
): number {
  const { words, info: numbers } = columns.pieces;
  const nameCode = columns.nameCodes[row]!;
  const prefix = prefixOf(nameCode);
  const first = k === 0 ? 1 : 0;
  const n = n0 + info.volumes + volumeStride * k;
  p = putUint(buf, dv, p, speed);
  const head = p;
  p = putRun(buf, dv, p, c.volumeHead[first]![incremental]![prefix]!);
  putDrawnUuid(dv, head + volumeIdAt[first]!, volumeDrawnAt[k]!);
  putHex4(dv, head + volumeNameAt[first]![incremental]![prefix]!, nameCode & 0xffff);
  p = putUint(buf, dv, p, volumeSizes[k]!);
  p = putPiece(dv, p, words, numbers[n + volumeInfo.source]!, numbers[n + volumeInfo.source + 1]!);
  p = putUint(buf, dv, p, volumeRatios[k]!);
  p = putRun(buf, dv, p, c.volumeStatus[columns.status[row]!]!);
  // The snapshot id, and on the last volume `finished_at` and the task id.
  const start = p;
  p = putPiece(dv, p, words, numbers[n + volumeInfo.end]!, numbers[n + volumeInfo.end + 1]!);
  putDrawnUuid(dv, start + numbers[n + volumeInfo.snapshot]!, snapshotAt);
  if (k === numbers[n0 + info.volumeCount]! - 1) {
    copyTime(dv, start + numbers[n + volumeInfo.finished]!, updatedAt[0]!);
    putDrawnUuid(dv, start + numbers[n + volumeInfo.task]!, task);
  }
  return p;
}

/** Where the snapshot id's words are in `drawn`. */
const snapshotAt = 2;

/** Writes the backup of `row` as a checkpoint item. */
export function writeGeneratedItem(out: JsonBytes, columns: ItemColumns, row: number): void {
  // A page's backups are of random rows and servers, so each one's first reads miss the
  // cache (at a million backups, all the way to memory). They are made here, one after the
  // other and none waiting for another, so that the misses overlap: the row's columns and
  // its ids, then its server's numbers and views; the views' bytes follow in writing order.
  const server = columns.server[row]!;
  const auto = columns.auto[row]!;
  const status = columns.status[row]!;
  const nameCode = columns.nameCodes[row]!;
  const seed = columns.seeds[row]!;
  touched[0] =
    columns.ids[row * idWords]! ^
    columns.checkpointIds[row * idWords]! ^
    columns.created[row]! ^
    columns.updated[row]! ^
    columns.protected[row]!;
  const { words, info: numbers } = columns.pieces;
  const n0 = columns.pieces.starts[server]!;
  const volumes = numbers[n0 + info.volumeCount]!;
  // The lines of the server's pieces, all at once rather than each when its copy comes.
  let lines = columns.pieces.details[server]!.length;
  for (let i = n0 + 16, end = 2 * numbers[n0 + info.resourceEnd]!; i < end; i += 16) lines ^= numbers[i]!;
  touched[0] ^= lines;
  const buf = out.room(numbers[n0 + info.bound]! + slack);
  const dv = out.view;
  let p = putHead(buf, dv, out.length, columns, row, server, n0, auto, status, nameCode);

  // extend_info, drawn in GeneratedExtendInfo.toJSON's order: at most this many words.
  draw(seed, 13 + 6 * volumes);
  const incremental = drawn[0]! / 4294967296 < 0.7 ? 1 : 0;
  const speed = 20 + intAt(1, 200);
  let d = snapshotAt + 4;
  let size = 0;
  for (let k = 0; k < volumes; k++) {
    const sourceSize = numbers[n0 + info.volumes + volumeStride * k + volumeInfo.size]!;
    volumeDrawnAt[k] = d;
    d += 4;
    const volumeSize = incremental === 1 ? intAt(d++, sourceSize * 40) : sourceSize * 1024;
    volumeSizes[k] = volumeSize;
    volumeRatios[k] = intAt(d++, 90);
    size += volumeSize;
  }
  const failure = status === errorCode ? 1 + intAt(d++, vocabulary.failures.length) : 0;
  const progress = status === availableCode || status === deletedCode ? 100 : intAt(d++, 100);
  const ratio = intAt(d++, 90);
  const task = d;

  p = putUint(buf, dv, p, speed);
  p = putRun(buf, dv, p, c.failure[failure]![incremental]!);
  p = putUint(buf, dv, p, progress);
  p = putPiece(dv, p, words, numbers[n0 + info.beforeSize]!, numbers[n0 + info.beforeSize + 1]!);
  p = putUint(buf, dv, p, size);
  p = putRun(buf, dv, p, c.ratio);
  p = putUint(buf, dv, p, ratio);
  if (volumes === 0) {
    const start = p;
    p = putPiece(dv, p, words, numbers[n0 + info.noVolumes]!, numbers[n0 + info.noVolumes + 1]!);
    copyTime(dv, start + numbers[n0 + info.noVolumesFinished]!, updatedAt[0]!);
    putDrawnUuid(dv, start + numbers[n0 + info.noVolumesTask]!, task);
    out.moveTo(p);
    return;
  }
  p = putRun(buf, dv, p, c.volumesStart);
  for (let k = 0; k < volumes; k++) p = putVolume(buf, dv, p, columns, row, n0, k, speed, incremental, task);
  out.moveTo(p);
}

/** Writes the backup of `row` as a tag-query resource. */
export function writeGeneratedResource(out: JsonBytes, columns: ItemColumns, row: number): void {
  const nameCode = columns.nameCodes[row]!;
  const prefix = prefixOf(nameCode);
  const head = c.resourceHead[prefix]!;
  const buf = out.room(head.length + slack);
  const start = out.length;
  let dv = out.view;
  const p = putRun(buf, dv, start, head);
  putWords(dv, start + resourceIdAt, columns.ids, row * idWords, idWidth);
  putHex4(dv, start + resourceNameAt[prefix]!, nameCode & 0xffff);
  out.moveTo(p);
  writeGeneratedItem(out, columns, row);
  const { words, info: numbers } = columns.pieces;
  const end = columns.pieces.starts[columns.server[row]!]! + info.resourceEnd;
  out.room(numbers[end + 1]! + slack);
  dv = out.view;
  out.moveTo(putPiece(dv, out.length, words, numbers[end]!, numbers[end + 1]!));
}
