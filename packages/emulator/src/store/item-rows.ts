import type { CheckpointItem } from '@csbs-kit/models';
import type { ResourceTagLike } from '@csbs-kit/tag-query';
import { timeOfMicros } from '../data/generate-data.js';
import { sourceTextsOf } from '../data/source-texts.js';
import {
  azOf,
  imageTypeOf,
  microsOfNormalTime,
  normalizeTime,
  resourceNameOf,
  textOf,
} from './item-fields.js';
import type { JsonBytes } from './json-bytes.js';
import { type ListingFields, MicrosColumn, type TimeValues } from './listing-index.js';

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

/** Interns strings: equal texts built apart become one string in memory. */
class Interner {
  readonly #seen = new Map<string, string>();
  of(text: string): string {
    const known = this.#seen.get(text);
    if (known !== undefined) return known;
    this.#seen.set(text, text);
    return text;
  }
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

  constructor(items: readonly CheckpointItem[]) {
    const n = items.length;
    this.size = n;
    this.#ids = new Array(n);
    this.#json = new Array(n);
    this.#names = new Array(n);
    this.#tags = new Array(n);
    this.#tagsJson = new Array(n);
    this.#created = new Array(n);
    const strings = new Interner();
    // Equal tags texts share one string and one list: one look-up a row.
    const tagLists = new Map<string, { json: string; tags: readonly ResourceTagLike[] | undefined }>();
    // Texts sliced from a data file, where they are what JSON.stringify would write.
    const source = sourceTextsOf(items);
    for (let row = 0; row < n; row++) {
      const item = items[row]!;
      this.#ids[row] = item.id;
      this.#json[row] = source?.items[row] ?? JSON.stringify(item);
      const name = item.name;
      this.#names[row] = typeof name === 'string' ? strings.of(name) : name;
      const sourceTags = Array.isArray(item.tags) ? source?.tags[row] : undefined;
      const tagsJson = sourceTags ?? JSON.stringify(item.tags ?? []);
      let shared = tagLists.get(tagsJson);
      if (shared === undefined) {
        shared = { json: tagsJson, tags: undefined };
        tagLists.set(tagsJson, shared);
      }
      this.#tagsJson[row] = shared.json;
      if (Array.isArray(item.tags)) {
        shared.tags ??= item.tags;
        this.#tags[row] = shared.tags;
      } else {
        this.#tags[row] = item.tags;
      }
      // Not interned: times are nearly all distinct, and each is one string already.
      this.#created[row] = item.created_at;
    }
    this.#fields = fieldsOfItems(items, this.#ids);
    this.normalTimes = this.#fields.created_at instanceof MicrosColumn && everyNormal(this.#created);
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
    const items = this.#json.map((text) => JSON.parse(text) as CheckpointItem);
    return fieldsOfItems(items, this.#ids);
  }
}

/**
 * The listing's fields of every item, in one pass over the items: at load each loop runs
 * once over cold code, so one loop of thirteen reads costs less than thirteen loops. Not
 * interned here: the index's columns intern what they keep, and these arrays are let go.
 */
function fieldsOfItems(items: readonly CheckpointItem[], ids: readonly string[]): ListingFields {
  const n = items.length;
  const texts = () => new Array<string>(n);
  const [status, resourceId, checkpointId, resourceType, policyId] = [
    texts(),
    texts(),
    texts(),
    texts(),
    texts(),
  ];
  const [az, imageType, name, resourceName] = [texts(), texts(), texts(), texts()];
  // Times as microseconds while every one so far is a time `microsOfNormalTime` maps (what
  // the generator and the service write): its numeric order is the text order, and the
  // index ranks it by a radix sort rather than comparing 26-character texts.
  const created = new Float64Array(n);
  const updated = new Float64Array(n);
  const protectedAt = new Float64Array(n);
  let numeric = 0b111;
  for (let row = 0; row < n; row++) {
    const item = items[row]!;
    status[row] = textOf(item.status);
    resourceId[row] = textOf(item.resource_id);
    checkpointId[row] = textOf(item.checkpoint_id);
    resourceType[row] = textOf(item.resource_type);
    policyId[row] = textOf(item.policy_id);
    name[row] = textOf(item.name);
    az[row] = azOf(item);
    imageType[row] = imageTypeOf(item);
    resourceName[row] = resourceNameOf(item);
    if (numeric & 1) numeric &= putMicros(created, row, item.created_at) ? 0b111 : 0b110;
    if (numeric & 2) numeric &= putMicros(updated, row, item.updated_at) ? 0b111 : 0b101;
    if (numeric & 4) numeric &= putMicros(protectedAt, row, item.protected_at) ? 0b111 : 0b011;
  }
  const times = (micros: Float64Array, bit: number, key: (typeof timeKeys)[number]): TimeValues =>
    numeric & bit ? new MicrosColumn(micros, timeOfMicros) : items.map((item) => normalizeTime(item[key]));
  return {
    id: ids,
    status,
    resource_id: resourceId,
    checkpoint_id: checkpointId,
    resource_type: resourceType,
    policy_id: policyId,
    az,
    image_type: imageType,
    name,
    resource_name: resourceName,
    created_at: times(created, 1, 'created_at'),
    updated_at: times(updated, 2, 'updated_at'),
    protected_at: times(protectedAt, 4, 'protected_at'),
  };
}

/** Stores the microseconds of `value` (a time, once normalised) at `row`; false when it has none. */
function putMicros(micros: Float64Array, row: number, value: unknown): boolean {
  if (typeof value !== 'string') return false;
  // A time already in the normal form is what `normalizeTime` returns unchanged.
  let m = microsOfNormalTime(value);
  if (m < 0) m = microsOfNormalTime(normalizeTime(value));
  if (m < 0) return false;
  micros[row] = m;
  return true;
}

/** Whether every value is a string already in the normal form of `normalizeTime`. */
function everyNormal(values: readonly unknown[]): boolean {
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (typeof value !== 'string' || normalizeTime(value) !== value) return false;
  }
  return true;
}
