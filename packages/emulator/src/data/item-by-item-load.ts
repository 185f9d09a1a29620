/*
 * The load of a data file item by item: the file's text is scanned for its
 * `checkpoint_items` arrays, the rest of it (credentials, users, the projects without their
 * items) parsed and checked as one small document, and then each item parsed from its own
 * slice, checked and handed to the rows, and let go. The parsed items never all live at
 * once: the collector does not copy and mark a hundred megabytes of objects it would throw
 * away after the load, and each item is read by the checks and the rows while it is still
 * in the cache. The slice parsed is also the item's text wherever the scan vouches for it.
 *
 * This path only ever answers for data it fully accepts: on anything else (not JSON, an
 * invalid item, a shape it does not take) it answers `undefined`, and the caller loads the
 * file the plain way, which reports the problem exactly as before.
 */
import type { CheckpointItem } from '@csbs-kit/models';
import { EmulatorState } from '../store/emulator-state.js';
import type { ItemRows } from '../store/item-rows.js';
import { StoredItems } from '../store/item-rows.js';
import { StoredColumnsBuilder } from '../store/stored-columns.js';
import { countKeys, type ItemArray, scanItemArrays } from './item-source.js';
import { validateEmulatorData, validateItem } from './validate-data.js';

/** The text without the items of its arrays: `[]` where each `checkpoint_items` array was. */
function withoutItems(json: string, arrays: readonly ItemArray[]): string {
  let out = '';
  let from = 0;
  for (const array of arrays) {
    out += json.slice(from, array.open + 1);
    from = array.close;
  }
  return out + json.slice(from);
}

/** The rows of one project's array, each item checked as `validateEmulatorData` checks it. */
function rowsOf(json: string, array: ItemArray, seenIds: Map<string, string>): ItemRows {
  const { project, starts, ends, keys, tagsStarts, tagsEnds } = array;
  const n = starts.length;
  const builder = new StoredColumnsBuilder(n);
  // The tags texts of the items checked so far: equal texts are equal tags, which pass
  // the tag checks alike (a few thousand lists among a million backups).
  const passedTags = new Set<string>();
  for (let k = 0; k < n; k++) {
    const text = json.slice(starts[k], ends[k]);
    const item: unknown = JSON.parse(text);
    // The scan vouches for the form, the key count of the parse for the absence of
    // duplicate keys (which JSON.parse folds): then the slice is JSON.stringify's text.
    const exact = keys[k]! >= 0 && keys[k] === countKeys(item);
    const tagsStart = tagsStarts[k]!;
    const tagsText = exact && tagsStart >= 0 ? json.slice(tagsStart, tagsEnds[k]) : undefined;
    const tagsPassed = tagsText !== undefined && passedTags.has(tagsText);
    validateItem(project, item, k, seenIds, tagsPassed);
    if (tagsText !== undefined && !tagsPassed) passedTags.add(tagsText);
    builder.add(k, item as CheckpointItem, exact ? text : undefined, tagsText);
  }
  return new StoredItems(builder.finish());
}

/**
 * The emulator state of a data file's text, loaded item by item; `undefined` when the text
 * is not valid data of the shape this path takes (the caller then parses it whole, and
 * reports what is wrong).
 */
export function stateOfDataText(json: string): EmulatorState | undefined {
  try {
    const arrays = scanItemArrays(json);
    if (arrays === undefined) return undefined;
    const accounts = validateEmulatorData(JSON.parse(withoutItems(json, arrays)));
    const byProject = new Map(arrays.map((array) => [array.project, array]));
    const seenIds = new Map<string, string>();
    const rows = new Map<string, ItemRows>();
    // In the order `validateEmulatorData` walks the projects (the parse's key order).
    for (const project of Object.keys(accounts.projects)) {
      const array = byProject.get(project);
      if (array === undefined) return undefined;
      rows.set(project, rowsOf(json, array, seenIds));
    }
    return EmulatorState.fromRows(accounts, rows);
  } catch {
    return undefined;
  }
}
