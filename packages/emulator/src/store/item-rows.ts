import type { CheckpointItem } from '@csbs-kit/models';
import type { ResourceTagLike } from '@csbs-kit/tag-query';
import { sourceTextsOf } from '../data/source-texts.js';
import type { JsonBytes } from './json-bytes.js';
import type { ListingFields } from './listing-index.js';
import { type StoredColumns, StoredColumnsBuilder } from './stored-columns.js';

/** The time fields, which a column may hold as microseconds (`MicrosColumn`). */
export const timeKeys = ['created_at', 'updated_at', 'protected_at'] as const;

/** What the tag index reads of a backup, besides its id. */
export interface TaggedRow {
  readonly name: string | null | undefined;
  readonly tags: readonly ResourceTagLike[] | null | undefined;
  readonly created_at: string | null | undefined;
}

/**
 * The backups of one scope, by row number, in a form that answers pages: each row's JSON
 * text (as a checkpoint item, and as a tag-query resource) and the fields the indexes are
 * built from. Implementations hold columns rather than an object per backup.
 */
export interface ItemRows {
  readonly size: number;
  idAt(row: number): string;
  itemJson(row: number): string;
  /** `{"resource_id":…,"resource_name":…,"resource_detail":<item>,"tags":[…]}` */
  resourceJson(row: number): string;
  /** `itemJson(row)` written into a body. */
  writeItem(out: JsonBytes, row: number): void;
  /** `resourceJson(row)` written into a body. */
  writeResource(out: JsonBytes, row: number): void;
  tagged(row: number): TaggedRow;
  /** The parts of `tagged(row)` one at a time, for the tag index's handles. */
  nameOf(row: number): TaggedRow['name'];
  tagsOf(row: number): TaggedRow['tags'];
  createdAtOf(row: number): TaggedRow['created_at'];
  /**
   * Whether every `created_at` is held in the normal form of `normalizeTime` (generated
   * data): the listing's `created_at` order is then the text order the tag index uses.
   */
  readonly normalTimes: boolean;
  /**
   * The listing's fields of every row, for an index build: the first call is cheap, a later
   * one (the `all_tenants` scope) may have to derive them again.
   */
  listingFields(): ListingFields;
}

/**
 * Backups given as JSON (a data file, `data`, or `POST /__emulator/data`): each one kept as
 * its JSON text, which carries unknown fields unchanged, and the parsed objects let go.
 * The tag index's fields are kept per row, tags lists shared between rows that have equal
 * ones; the listing's fields are kept only until the indexes are built.
 */
export class StoredItems implements ItemRows {
  readonly size: number;
  // Data given as JSON may hold any time text: unless every `created_at` is in the normal
  // form, the tag index orders the rows itself.
  readonly normalTimes: boolean;
  readonly #ids: string[];
  readonly #json: string[];
  readonly #names: (string | null | undefined)[];
  readonly #tags: (readonly ResourceTagLike[] | null | undefined)[];
  readonly #tagsJson: string[];
  readonly #created: (string | null | undefined)[];
  #fields: ListingFields | undefined;

  /** Parsed items, or the columns a load built item by item (`StoredColumnsBuilder`). */
  constructor(items: readonly CheckpointItem[] | StoredColumns) {
    const columns = Array.isArray(items)
      ? columnsOf(items as readonly CheckpointItem[])
      : (items as StoredColumns);
    this.size = columns.ids.length;
    this.#ids = columns.ids;
    this.#json = columns.json;
    this.#names = columns.names;
    this.#tags = columns.tags;
    this.#tagsJson = columns.tagsJson;
    this.#created = columns.created;
    this.#fields = columns.fields;
    this.normalTimes = columns.normalTimes;
  }

  idAt(row: number): string {
    return this.#ids[row]!;
  }

  itemJson(row: number): string {
    return this.#json[row]!;
  }

  resourceJson(row: number): string {
    return `{"resource_id":${JSON.stringify(this.#ids[row])},"resource_name":${JSON.stringify(this.#names[row] ?? null)},"resource_detail":${this.#json[row]},"tags":${this.#tagsJson[row]}}`;
  }

  writeItem(out: JsonBytes, row: number): void {
    out.text(this.#json[row]!);
  }

  writeResource(out: JsonBytes, row: number): void {
    out.text(this.resourceJson(row));
  }

  tagged(row: number): TaggedRow {
    return { name: this.#names[row], tags: this.#tags[row], created_at: this.#created[row] };
  }

  nameOf(row: number): TaggedRow['name'] {
    return this.#names[row];
  }

  tagsOf(row: number): TaggedRow['tags'] {
    return this.#tags[row];
  }

  createdAtOf(row: number): TaggedRow['created_at'] {
    return this.#created[row];
  }

  listingFields(): ListingFields {
    const fields = this.#fields;
    this.#fields = undefined;
    if (fields !== undefined) return fields;
    // Handed out before and let go: parse the kept texts again (a rare, second build).
    return columnsOf(this.#json.map((text) => JSON.parse(text) as CheckpointItem)).fields;
  }
}

/** The columns of parsed items, with the texts a data file's load found for them. */
function columnsOf(items: readonly CheckpointItem[]): StoredColumns {
  const n = items.length;
  const builder = new StoredColumnsBuilder(n);
  // Texts sliced from a data file, where they are what JSON.stringify would write.
  const source = sourceTextsOf(items);
  for (let row = 0; row < n; row++) builder.add(row, items[row]!, source?.items[row], source?.tags[row]);
  return builder.finish();
}
