import { checkpointStatuses } from '@csbs-kit/models';
import { IdBytes } from '../store/id-bytes.js';
import type { ItemRows, TaggedRow } from '../store/item-rows.js';
import { JsonBytes } from '../store/json-bytes.js';
import { type ListingFields, MicrosColumn } from '../store/listing-index.js';
import type { CodedValues } from '../store/string-column.js';
import { drawProject, generatedName, generatedNames, timeOfMicros } from './generate-data.js';
import type { GeneratedServer } from './generated-extend-info.js';
import { type ItemColumns, writeGeneratedItem, writeGeneratedResource } from './generated-item-json.js';
import { ServerPieces } from './generated-server-pieces.js';

/** An id column's bytes as native 32-bit words (36-byte ids: 9 a row), for the item writer's word stores. */
function wordsOf(ids: IdBytes): Uint32Array {
  const bytes = ids.bytes;
  if (ids.width % 4 !== 0 || bytes.byteOffset % 4 !== 0) throw new Error('ids are not whole words');
  return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
}

/** For the string forms (single items, tests); pages write into their own body. */
const scratch = new JsonBytes(64 * 1024);

/**
 * The backups of one generated project as columns: typed arrays for the numbers and codes,
 * the ids and checkpoint ids as 36 bytes each (`IdBytes`), names interned, times as microseconds, and the server of each backup,
 * whose shared fields are serialised once (`ServerPieces`). A backup's JSON is built by
 * concatenation when a page needs it; `extend_info` is drawn again from the backup's seed,
 * the same values on every read. The same seed gives the same backups as
 * `generateEmulatorData`, byte for byte (a test holds them together).
 */
export class GeneratedItems implements ItemRows {
  readonly size: number;
  /** Times are microseconds, formatted in the normal form. */
  readonly normalTimes = true;
  readonly #ids: IdBytes;
  readonly #checkpointIds: IdBytes;
  readonly #names: string[];
  readonly #auto: Uint8Array;
  readonly #status: Uint8Array;
  readonly #server: Uint32Array;
  readonly #created: Float64Array;
  readonly #updated: Float64Array;
  readonly #protected: Float64Array;
  readonly #seeds: Uint32Array;
  readonly #pieces: ServerPieces;
  /** Each row's name as its number (`generatedName`), for the listing's name column. */
  readonly #nameCodes: Uint32Array;

  constructor(count: number, seed: number) {
    this.size = count;
    this.#ids = new IdBytes(count);
    this.#checkpointIds = new IdBytes(count);
    this.#names = new Array(count);
    this.#auto = new Uint8Array(count);
    this.#status = new Uint8Array(count);
    this.#server = new Uint32Array(count);
    this.#created = new Float64Array(count);
    this.#updated = new Float64Array(count);
    this.#protected = new Float64Array(count);
    this.#seeds = new Uint32Array(count);
    this.#nameCodes = new Uint32Array(count);
    const sink = { ids: this.#ids.bytes, checkpointIds: this.#checkpointIds.bytes, at: 0 };
    const servers = drawProject(
      count,
      seed,
      (drawn, _server, row, serverIndex) => {
        this.#nameCodes[row] = drawn.nameCode;
        this.#names[row] = generatedName(drawn.nameCode);
        this.#auto[row] = drawn.auto ? 1 : 0;
        this.#status[row] = checkpointStatuses.indexOf(drawn.status);
        this.#server[row] = serverIndex;
        this.#created[row] = drawn.createdMicros;
        this.#updated[row] = drawn.updatedMicros;
        this.#protected[row] = drawn.protectedMicros;
        this.#seeds[row] = drawn.detailSeed;
      },
      sink,
    );
    this.#pieces = new ServerPieces(servers);
  }

  idAt(row: number): string {
    return this.#ids.textAt(row);
  }

  // Read path (the item writer, generated-item-json.ts): the columns it reads, in one object.
  #view: ItemColumns | undefined;
  #columns(): ItemColumns {
    this.#view ??= {
      ids: wordsOf(this.#ids),
      checkpointIds: wordsOf(this.#checkpointIds),
      nameCodes: this.#nameCodes,
      auto: this.#auto,
      status: this.#status,
      server: this.#server,
      created: this.#created,
      updated: this.#updated,
      protected: this.#protected,
      seeds: this.#seeds,
      pieces: this.#pieces,
    };
    return this.#view;
  }

  writeItem(out: JsonBytes, row: number): void {
    writeGeneratedItem(out, this.#columns(), row);
  }

  writeResource(out: JsonBytes, row: number): void {
    writeGeneratedResource(out, this.#columns(), row);
  }

  itemJson(row: number): string {
    this.writeItem(scratch.reset(), row);
    return scratch.toString();
  }

  resourceJson(row: number): string {
    this.writeResource(scratch.reset(), row);
    return scratch.toString();
  }

  tagged(row: number): TaggedRow {
    return { name: this.nameOf(row), tags: this.tagsOf(row), created_at: this.createdAtOf(row) };
  }

  nameOf(row: number): string {
    return this.#names[row]!;
  }

  tagsOf(row: number): TaggedRow['tags'] {
    return this.#pieces.servers[this.#server[row]!]!.tags;
  }

  createdAtOf(row: number): string {
    return timeOfMicros(this.#created[row]!);
  }

  /**
   * The listing's fields, most of them as codes into short value lists (a backup's status,
   * its server's fields, its name's number), so the index interns a few thousand values
   * rather than hashing a million strings per column.
   */
  listingFields(): ListingFields {
    const n = this.size;
    const servers = this.#pieces.servers;
    const byServer = (read: (server: GeneratedServer) => string): CodedValues => ({
      codes: this.#server,
      values: servers.map(read),
    });
    // Code 0: no policy (a manual backup, or a server without one); 1 + i: server i's policy.
    const policyCodes = new Uint32Array(n);
    for (let row = 0; row < n; row++) policyCodes[row] = this.#auto[row] === 1 ? this.#server[row]! + 1 : 0;
    const constant = (value: string): CodedValues => ({ codes: new Uint8Array(n), values: [value] });
    return {
      id: this.#ids,
      status: { codes: this.#status, values: checkpointStatuses },
      resource_id: byServer((server) => server.resourceId),
      checkpoint_id: this.#checkpointIds,
      resource_type: constant('OS::Nova::Server'),
      policy_id: { codes: policyCodes, values: ['', ...servers.map((server) => server.policyId ?? '')] },
      az: byServer((server) => server.az),
      image_type: constant('backup'),
      name: { codes: this.#nameCodes, values: generatedNames() },
      resource_name: byServer((server) => server.resourceName),
      created_at: new MicrosColumn(this.#created, timeOfMicros),
      updated_at: new MicrosColumn(this.#updated, timeOfMicros),
      protected_at: new MicrosColumn(this.#protected, timeOfMicros),
    };
  }
}
