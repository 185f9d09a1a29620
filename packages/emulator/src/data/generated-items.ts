import { checkpointStatuses } from '@csbs-kit/models';
import type { ItemRows, TaggedRow } from '../store/item-rows.js';
import { JsonBytes, utf8 } from '../store/json-bytes.js';
import { type ListingFields, MicrosColumn } from '../store/listing-index.js';
import type { CodedValues } from '../store/string-column.js';
import { writeListingTime } from './flat-strings.js';
import { drawProject, generatedName, generatedNames, timeOfMicros } from './generate-data.js';
import { piecesOf, type ServerPieces, writeExtendInfo } from './generated-item-json.js';

const statusJson = checkpointStatuses.map((status) => utf8(JSON.stringify(status)));
const c = {
  id: utf8('{"id":"'),
  checkpointId: utf8('","checkpoint_id":"'),
  name: utf8('","name":"'),
  autoDescription: utf8('","description":"backup created by policy","status":'),
  manualDescription: utf8('","description":"","status":'),
  resourceId: utf8(',"resource_id":'),
  createdAt: utf8(',"resource_type":"OS::Nova::Server","created_at":"'),
  updatedAt: utf8('","updated_at":"'),
  protectedAt: utf8('","protected_at":"'),
  policyId: utf8('","expired_at":null,"periodic_type":null,"progress":null,"policy_id":'),
  null: utf8('null'),
  tags: utf8(',"tags":'),
  backupData: utf8(',"backup_data":'),
  extendInfo: utf8(',"extend_info":'),
  end: utf8(',"replication_records":[]}'),
  resourceHead: utf8('{"resource_id":"'),
  resourceName: utf8('","resource_name":"'),
  resourceDetail: utf8('","resource_detail":'),
  resourceTags: utf8(',"tags":'),
  close: utf8('}'),
};
/** For the string forms (single items, tests); pages write into their own body. */
const scratch = new JsonBytes(64 * 1024);

/**
 * The backups of one generated project as columns: typed arrays for the numbers and codes,
 * one string per id, names interned, times as microseconds, and the server of each backup,
 * whose shared fields are serialised once (`ServerPieces`). A backup's JSON is built by
 * concatenation when a page needs it; `extend_info` is drawn again from the backup's seed,
 * the same values on every read. The same seed gives the same backups as
 * `generateEmulatorData`, byte for byte (a test holds them together).
 */
export class GeneratedItems implements ItemRows {
  readonly size: number;
  /** Times are microseconds, formatted in the normal form. */
  readonly normalTimes = true;
  readonly #ids: string[];
  readonly #checkpointIds: string[];
  readonly #names: string[];
  readonly #auto: Uint8Array;
  readonly #status: Uint8Array;
  readonly #server: Uint32Array;
  readonly #created: Float64Array;
  readonly #updated: Float64Array;
  readonly #protected: Float64Array;
  readonly #seeds: Uint32Array;
  readonly #pieces: ServerPieces[];
  /** Each row's name as its number (`generatedName`), for the listing's name column. */
  readonly #nameCodes: Uint32Array;

  constructor(count: number, seed: number) {
    this.size = count;
    this.#ids = new Array(count);
    this.#checkpointIds = new Array(count);
    this.#names = new Array(count);
    this.#auto = new Uint8Array(count);
    this.#status = new Uint8Array(count);
    this.#server = new Uint32Array(count);
    this.#created = new Float64Array(count);
    this.#updated = new Float64Array(count);
    this.#protected = new Float64Array(count);
    this.#seeds = new Uint32Array(count);
    this.#nameCodes = new Uint32Array(count);
    const servers = drawProject(count, seed, (drawn, _server, row, serverIndex) => {
      this.#ids[row] = drawn.id;
      this.#checkpointIds[row] = drawn.checkpointId;
      this.#nameCodes[row] = drawn.nameCode;
      this.#names[row] = generatedName(drawn.nameCode);
      this.#auto[row] = drawn.auto ? 1 : 0;
      this.#status[row] = checkpointStatuses.indexOf(drawn.status);
      this.#server[row] = serverIndex;
      this.#created[row] = drawn.createdMicros;
      this.#updated[row] = drawn.updatedMicros;
      this.#protected[row] = drawn.protectedMicros;
      this.#seeds[row] = drawn.detailSeed;
    });
    this.#pieces = servers.map(piecesOf);
  }

  idAt(row: number): string {
    return this.#ids[row]!;
  }

  writeItem(out: JsonBytes, row: number): void {
    const pieces = this.#pieces[this.#server[row]!]!;
    const auto = this.#auto[row] === 1;
    const statusCode = this.#status[row]!;
    out.bytes(c.id);
    out.ascii(this.#ids[row]!);
    out.bytes(c.checkpointId);
    out.ascii(this.#checkpointIds[row]!);
    out.bytes(c.name);
    out.ascii(this.#names[row]!);
    out.bytes(auto ? c.autoDescription : c.manualDescription);
    out.bytes(statusJson[statusCode]!);
    out.bytes(c.resourceId);
    out.bytes(pieces.resourceId);
    out.bytes(c.createdAt);
    this.#time(out, this.#created[row]!);
    out.bytes(c.updatedAt);
    this.#time(out, this.#updated[row]!);
    out.bytes(c.protectedAt);
    this.#time(out, this.#protected[row]!);
    out.bytes(c.policyId);
    out.bytes(auto ? pieces.policyId : c.null);
    out.bytes(c.tags);
    out.bytes(pieces.tags);
    out.bytes(c.backupData);
    out.bytes(pieces.backupData);
    out.bytes(c.extendInfo);
    writeExtendInfo(
      out,
      pieces,
      this.#names[row]!,
      auto,
      checkpointStatuses[statusCode]!,
      statusJson[statusCode]!,
      this.#updated[row]!,
      this.#seeds[row]!,
    );
    out.bytes(c.end);
  }

  #time(out: JsonBytes, micros: number): void {
    const [buf, at] = out.reserve(26);
    writeListingTime(buf, at, micros);
  }

  writeResource(out: JsonBytes, row: number): void {
    out.bytes(c.resourceHead);
    out.ascii(this.#ids[row]!);
    out.bytes(c.resourceName);
    out.ascii(this.#names[row]!);
    out.bytes(c.resourceDetail);
    this.writeItem(out, row);
    out.bytes(c.resourceTags);
    out.bytes(this.#pieces[this.#server[row]!]!.tags);
    out.bytes(c.close);
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
    return this.#pieces[this.#server[row]!]!.server.tags;
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
    const servers = this.#pieces.map((p) => p.server);
    const byServer = (read: (server: ServerPieces['server']) => string): CodedValues => ({
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
