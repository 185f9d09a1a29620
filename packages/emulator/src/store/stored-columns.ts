import type { CheckpointItem } from '@csbs-kit/models';
import type { ResourceTagLike } from '@csbs-kit/tag-query';
import { timeOfMicros } from '../data/generate-data.js';
import { CodedTexts, FewTexts } from './coded-texts.js';
import { idBytesOf } from './id-bytes.js';
import {
  azOf,
  imageTypeOf,
  microsOfNormalTime,
  normalizeTime,
  resourceNameOf,
  textOf,
} from './item-fields.js';
import { type ListingFields, MicrosColumn, type TimeValues } from './listing-index.js';

/** What `StoredItems` keeps of its backups, row by row. */
export interface StoredColumns {
  readonly ids: string[];
  readonly json: string[];
  readonly names: (string | null | undefined)[];
  readonly tags: (readonly ResourceTagLike[] | null | undefined)[];
  readonly tagsJson: string[];
  readonly created: (string | null | undefined)[];
  /** The listing's fields, until the indexes are built. */
  readonly fields: ListingFields;
  /** Every `created_at` is held as microseconds and is already in the normal form. */
  readonly normalTimes: boolean;
}

type TimeKey = 'created_at' | 'updated_at' | 'protected_at';

/**
 * One time field of every row: microseconds while every value so far is a time that
 * `microsOfNormalTime` maps (what the generator and the service write: its numeric order is
 * the text order, and the index ranks it by a radix sort rather than comparing 26-character
 * texts), else the normalised texts, the rows before written back from their microseconds
 * (`timeOfMicros` gives the normal text exactly).
 */
class TimeColumn {
  readonly #micros: Float64Array;
  #texts: string[] | undefined;

  constructor(size: number) {
    this.#micros = new Float64Array(size);
  }

  put(row: number, value: unknown): void {
    const texts = this.#texts;
    if (texts !== undefined) {
      texts[row] = normalizeTime(value);
      return;
    }
    if (typeof value === 'string') {
      // A time already in the normal form is what `normalizeTime` returns unchanged.
      let m = microsOfNormalTime(value);
      if (m < 0) m = microsOfNormalTime(normalizeTime(value));
      if (m >= 0) {
        this.#micros[row] = m;
        return;
      }
    }
    const written = new Array<string>(this.#micros.length);
    for (let before = 0; before < row; before++) written[before] = timeOfMicros(this.#micros[before]!);
    written[row] = normalizeTime(value);
    this.#texts = written;
  }

  get values(): TimeValues {
    return this.#texts ?? new MicrosColumn(this.#micros, timeOfMicros);
  }
}

/**
 * Builds the columns of `StoredItems` one backup at a time, so that a load can hand each
 * item over as soon as it is parsed and checked, and let it go: one pass per item while it
 * is still in the cache, and no array of parsed items kept for later passes.
 */
export class StoredColumnsBuilder {
  readonly #ids: string[];
  readonly #json: string[];
  readonly #names: (string | null | undefined)[];
  readonly #tags: (readonly ResourceTagLike[] | null | undefined)[];
  readonly #tagsJson: string[];
  readonly #created: (string | null | undefined)[];
  // Equal tags texts share one string and one list: one look-up a row.
  readonly #tagLists = new Map<string, { json: string; tags: readonly ResourceTagLike[] | undefined }>();
  readonly #status: FewTexts;
  readonly #resourceId: CodedTexts;
  readonly #checkpointId: string[];
  readonly #resourceType: FewTexts;
  readonly #policyId: FewTexts;
  readonly #az: FewTexts;
  readonly #imageType: FewTexts;
  readonly #name: CodedTexts;
  readonly #resourceName: CodedTexts;
  readonly #times: Record<TimeKey, TimeColumn>;
  #normalCreated = true;

  constructor(size: number) {
    const texts = () => new Array<string>(size);
    this.#ids = texts();
    this.#json = texts();
    this.#names = new Array(size);
    this.#tags = new Array(size);
    this.#tagsJson = texts();
    this.#created = new Array(size);
    this.#status = new FewTexts(size);
    this.#resourceId = new CodedTexts(size);
    this.#checkpointId = texts();
    this.#resourceType = new FewTexts(size);
    this.#policyId = new FewTexts(size);
    this.#az = new FewTexts(size);
    this.#imageType = new FewTexts(size);
    this.#name = new CodedTexts(size);
    this.#resourceName = new CodedTexts(size);
    this.#times = {
      created_at: new TimeColumn(size),
      updated_at: new TimeColumn(size),
      protected_at: new TimeColumn(size),
    };
  }

  /**
   * The backup of `row`: `text` is its JSON where the caller has it exactly as
   * `JSON.stringify` writes it (a slice of a data file), `tagsText` likewise its `tags`.
   */
  add(row: number, item: CheckpointItem, text: string | undefined, tagsText: string | undefined): void {
    this.#ids[row] = item.id;
    this.#json[row] = text ?? JSON.stringify(item);
    const name = item.name;
    // The name the tag index reads is the listing's interned one.
    const listedName = this.#name.put(row, textOf(name));
    this.#names[row] = typeof name === 'string' ? listedName : name;
    const tags = item.tags;
    const isList = Array.isArray(tags);
    const tagsJson = (isList ? tagsText : undefined) ?? JSON.stringify(tags ?? []);
    let shared = this.#tagLists.get(tagsJson);
    if (shared === undefined) {
      shared = { json: tagsJson, tags: undefined };
      this.#tagLists.set(tagsJson, shared);
    }
    this.#tagsJson[row] = shared.json;
    if (isList) {
      shared.tags ??= tags;
      this.#tags[row] = shared.tags;
    } else {
      this.#tags[row] = tags;
    }
    // Not interned: times are nearly all distinct, and each is one string already.
    const created = item.created_at;
    this.#created[row] = created;
    // Data given as JSON may hold any time text: unless every `created_at` is in the normal
    // form, the tag index orders the rows itself.
    if (this.#normalCreated && (typeof created !== 'string' || normalizeTime(created) !== created))
      this.#normalCreated = false;
    this.#status.put(row, textOf(item.status));
    this.#resourceId.put(row, textOf(item.resource_id));
    this.#checkpointId[row] = textOf(item.checkpoint_id);
    this.#resourceType.put(row, textOf(item.resource_type));
    this.#policyId.put(row, textOf(item.policy_id));
    this.#az.put(row, azOf(item));
    this.#imageType.put(row, imageTypeOf(item));
    this.#resourceName.put(row, resourceNameOf(item));
    this.#times.created_at.put(row, created);
    this.#times.updated_at.put(row, item.updated_at);
    this.#times.protected_at.put(row, item.protected_at);
  }

  /** The columns, once every row of `size` has been added. */
  finish(): StoredColumns {
    const created = this.#times.created_at.values;
    return {
      ids: this.#ids,
      json: this.#json,
      names: this.#names,
      tags: this.#tags,
      tagsJson: this.#tagsJson,
      created: this.#created,
      fields: {
        // Uuids and other ids of one width as bytes: ranked by a radix sort of their heads.
        id: idBytesOf(this.#ids) ?? this.#ids,
        status: this.#status.coded,
        resource_id: this.#resourceId.coded,
        checkpoint_id: this.#checkpointId,
        resource_type: this.#resourceType.coded,
        policy_id: this.#policyId.coded,
        az: this.#az.coded,
        image_type: this.#imageType.coded,
        name: this.#name.coded,
        resource_name: this.#resourceName.coded,
        created_at: created,
        updated_at: this.#times.updated_at.values,
        protected_at: this.#times.protected_at.values,
      },
      normalTimes: created instanceof MicrosColumn && this.#normalCreated,
    };
  }
}
