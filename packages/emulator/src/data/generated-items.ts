import { checkpointStatuses } from '@csbs-kit/models';
import type { ItemRows, TaggedRow } from '../store/item-rows.js';
import { JsonBytes } from '../store/json-bytes.js';
import { type ListingFields, MicrosColumn } from '../store/listing-index.js';
import { drawProject, timeOfMicros } from './generate-data.js';
import {
  type ItemColumns,
  piecesOf,
  type ServerPieces,
  writeGeneratedItem,
  writeGeneratedResource,
} from './generated-item-json.js';

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
    const serverIndex = new Map<object, number>();
    const names = new Map<string, string>();
    const servers = drawProject(count, seed, (drawn, server, row) => {
      let index = serverIndex.get(server);
      if (index === undefined) {
        index = serverIndex.size;
        serverIndex.set(server, index);
      }
      this.#ids[row] = drawn.id;
      this.#checkpointIds[row] = drawn.checkpointId;
      const name = names.get(drawn.name);
      if (name === undefined) names.set(drawn.name, drawn.name);
      this.#names[row] = name ?? drawn.name;
      this.#auto[row] = drawn.auto ? 1 : 0;
      this.#status[row] = checkpointStatuses.indexOf(drawn.status);
      this.#server[row] = index;
      this.#created[row] = drawn.createdMicros;
      this.#updated[row] = drawn.updatedMicros;
      this.#protected[row] = drawn.protectedMicros;
      this.#seeds[row] = drawn.detailSeed;
    });
    this.#pieces = new Array(serverIndex.size);
    for (const server of servers) {
      const index = serverIndex.get(server);
      if (index !== undefined) this.#pieces[index] = piecesOf(server);
    }
  }

  idAt(row: number): string {
    return this.#ids[row]!;
  }

  // Read path (the item writer, generated-item-json.ts): the columns it reads, in one object.
  #view: ItemColumns | undefined;
  #columns(): ItemColumns {
    this.#view ??= {
      ids: this.#ids,
      checkpointIds: this.#checkpointIds,
      names: this.#names,
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
    return {
      name: this.#names[row],
      tags: this.#pieces[this.#server[row]!]!.server.tags,
      created_at: timeOfMicros(this.#created[row]!),
    };
  }

  listingFields(): ListingFields {
    const n = this.size;
    const perRow = (read: (pieces: ServerPieces, row: number) => string) => {
      const out = new Array<string>(n);
      for (let row = 0; row < n; row++) out[row] = read(this.#pieces[this.#server[row]!]!, row);
      return out;
    };
    return {
      id: this.#ids,
      status: perRow((_, row) => checkpointStatuses[this.#status[row]!]!),
      resource_id: perRow((p) => p.server.resourceId),
      checkpoint_id: this.#checkpointIds,
      resource_type: perRow(() => 'OS::Nova::Server'),
      policy_id: perRow((p, row) => (this.#auto[row] === 1 ? (p.server.policyId ?? '') : '')),
      az: perRow((p) => p.server.az),
      image_type: perRow(() => 'backup'),
      name: this.#names,
      resource_name: perRow((p) => p.server.resourceName),
      created_at: new MicrosColumn(this.#created, timeOfMicros),
      updated_at: new MicrosColumn(this.#updated, timeOfMicros),
      protected_at: new MicrosColumn(this.#protected, timeOfMicros),
    };
  }
}
