import type { EmulatorData } from '../types.js';
import { countKeys, scanDataFileItems } from './item-source.js';

/**
 * Item texts taken from a data file, handed from the loader to the rows that keep them
 * (`StoredItems`) by the `checkpoint_items` array they belong to, so that the data keeps
 * its plain `EmulatorData` shape on the way. An entry is `undefined` where the file's text
 * is not what `JSON.stringify` gives; the rows serialise that item themselves.
 */
export interface SourceTexts {
  readonly items: readonly (string | undefined)[];
  /** Each item's top-level `tags` text, where its item text is kept and has tags. */
  readonly tags: readonly (string | undefined)[];
}

const known = new WeakMap<readonly unknown[], SourceTexts>();

/** The texts the loader found for this `checkpoint_items` array, if any. */
export function sourceTextsOf(items: readonly unknown[]): SourceTexts | undefined {
  return known.get(items);
}

/**
 * Finds each item of `data` (the validated parse of `json`) in `json` and remembers its
 * text where it equals `JSON.stringify` of the item: the scan vouches for the form, and the
 * key count of the parsed item for the absence of duplicate keys (which `JSON.parse` folds).
 */
export function rememberSourceTexts(json: string, data: EmulatorData): void {
  const scanned = scanDataFileItems(json);
  if (scanned === undefined) return;
  for (const [project, content] of Object.entries(data.projects)) {
    const found = scanned.get(project);
    const items = content.checkpoint_items;
    if (found === undefined || found.starts.length !== items.length) continue;
    const texts = new Array<string | undefined>(items.length);
    const tags = new Array<string | undefined>(items.length);
    for (let k = 0; k < items.length; k++) {
      const keys = found.keys[k]!;
      if (keys < 0 || keys !== countKeys(items[k])) continue;
      texts[k] = json.slice(found.starts[k], found.ends[k]);
      const tagsStart = found.tagsStarts[k]!;
      if (tagsStart >= 0) tags[k] = json.slice(tagsStart, found.tagsEnds[k]);
    }
    known.set(items, { items: texts, tags });
  }
}
