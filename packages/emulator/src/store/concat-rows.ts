import { concatIds } from './id-bytes.js';
import { type ItemRows, type TaggedRow, timeKeys } from './item-rows.js';
import type { JsonBytes } from './json-bytes.js';
import { type ListingFields, MicrosColumn } from './listing-index.js';
import { type TextValues, textsOf } from './string-column.js';

/** The fields of several row sets, one after the other. */
function concatFields(list: readonly ListingFields[]): ListingFields {
  const out = {} as Record<keyof ListingFields, unknown>;
  for (const key of Object.keys(list[0] ?? {}) as (keyof ListingFields)[]) {
    if ((timeKeys as readonly string[]).includes(key)) {
      const parts = list.map((fields) => fields[key as (typeof timeKeys)[number]]);
      // One column of numbers only when every part writes its numbers back the same way.
      const first = parts[0];
      const numeric = parts.filter((part) => part instanceof MicrosColumn);
      if (
        first instanceof MicrosColumn &&
        numeric.length === parts.length &&
        numeric.every((part) => part.format === first.format)
      ) {
        const micros = new Float64Array(numeric.reduce((sum, part) => sum + part.micros.length, 0));
        let at = 0;
        for (const part of numeric) {
          micros.set(part.micros, at);
          at += part.micros.length;
        }
        out[key] = new MicrosColumn(micros, first.format);
        continue;
      }
      out[key] = parts.flatMap((part) =>
        part instanceof MicrosColumn ? Array.from(part.micros, (m) => part.format(m)) : [...part],
      );
      continue;
    }
    if (key === 'id' || key === 'checkpoint_id') {
      out[key] = concatIds(list.map((fields) => fields[key]));
      continue;
    }
    out[key] = list.flatMap((fields) => textsOf(fields[key] as TextValues));
  }
  return out as unknown as ListingFields;
}

/** Several scopes' rows one after the other (every project, for `all_tenants`). */
export class ConcatRows implements ItemRows {
  readonly size: number;
  readonly normalTimes: boolean;
  readonly #parts: readonly ItemRows[];
  readonly #starts: number[];

  constructor(parts: readonly ItemRows[]) {
    this.#parts = parts;
    this.#starts = [];
    let size = 0;
    for (const part of parts) {
      this.#starts.push(size);
      size += part.size;
    }
    this.size = size;
    this.normalTimes = parts.every((part) => part.normalTimes);
  }

  #locate(row: number): [ItemRows, number] {
    let k = this.#starts.length - 1;
    while (k > 0 && this.#starts[k]! > row) k--;
    return [this.#parts[k]!, row - this.#starts[k]!];
  }

  idAt(row: number): string {
    const [part, at] = this.#locate(row);
    return part.idAt(at);
  }

  itemJson(row: number): string {
    const [part, at] = this.#locate(row);
    return part.itemJson(at);
  }

  resourceJson(row: number): string {
    const [part, at] = this.#locate(row);
    return part.resourceJson(at);
  }

  writeItem(out: JsonBytes, row: number): void {
    const [part, at] = this.#locate(row);
    part.writeItem(out, at);
  }

  writeResource(out: JsonBytes, row: number): void {
    const [part, at] = this.#locate(row);
    part.writeResource(out, at);
  }

  tagged(row: number): TaggedRow {
    const [part, at] = this.#locate(row);
    return part.tagged(at);
  }

  nameOf(row: number): TaggedRow['name'] {
    const [part, at] = this.#locate(row);
    return part.nameOf(at);
  }

  tagsOf(row: number): TaggedRow['tags'] {
    const [part, at] = this.#locate(row);
    return part.tagsOf(at);
  }

  createdAtOf(row: number): TaggedRow['created_at'] {
    const [part, at] = this.#locate(row);
    return part.createdAtOf(at);
  }

  listingFields(): ListingFields {
    return concatFields(this.#parts.map((part) => part.listingFields()));
  }
}
