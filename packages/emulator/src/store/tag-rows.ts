import { TagIndex } from '@csbs-kit/tag-query';
import type { ItemRows } from './item-rows.js';

/** A backup as the tag index holds it: its row, and getters for what the index reads. */
export interface TagRow {
  readonly row: number;
  readonly id: string;
  readonly name: string | null | undefined;
  readonly tags: ReturnType<ItemRows['tagsOf']>;
  readonly created_at: string | null | undefined;
}

/**
 * A class of handles over one scope's rows: each handle holds only its row number (32
 * bytes at a million backups rather than 64 with the fields copied in), and reads id,
 * name, tags and `created_at` from the rows when the index asks (the build reads ids and
 * tags once; names on the first name search; times only for backups added later).
 */
function handleClass(rows: ItemRows): new (row: number) => TagRow {
  return class {
    readonly row: number;
    constructor(row: number) {
      this.row = row;
    }
    get id(): string {
      return rows.idAt(this.row);
    }
    get name(): string | null | undefined {
      return rows.nameOf(this.row);
    }
    get tags(): ReturnType<ItemRows['tagsOf']> {
      return rows.tagsOf(this.row);
    }
    get created_at(): string | null | undefined {
      return rows.createdAtOf(this.row);
    }
  };
}

/**
 * The tag index of a scope. `createdOrder` is the listing's `created_at` ascending order
 * (id ascending breaks ties); read backwards it is the tag query's answer order when the
 * rows keep their times in the normal form, and the index is told so, sparing it a pass
 * that formats and compares a million times. Otherwise the index checks (and sorts).
 */
export function buildTagIndex(rows: ItemRows, createdOrder: Uint32Array): TagIndex<TagRow> {
  const Handle = handleClass(rows);
  const n = createdOrder.length;
  const handles = new Array<TagRow>(n);
  for (let i = 0; i < n; i++) handles[i] = new Handle(createdOrder[n - 1 - i]!);
  return new TagIndex(handles, { inAnswerOrder: rows.normalTimes });
}
