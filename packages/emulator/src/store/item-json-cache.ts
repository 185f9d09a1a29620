import type { CheckpointItem } from '@csbs-kit/models';
import { GenerationalCache } from './generational-cache.js';

/** The tag query's view of a backup: the resource is the backup itself. */
function resourceText(item: CheckpointItem, detail: string): string {
  return (
    `{"resource_id":${JSON.stringify(item.id)},"resource_name":${JSON.stringify(item.name ?? null)}` +
    `,"resource_detail":${detail},"tags":${JSON.stringify(item.tags ?? [])}}`
  );
}

/**
 * Each backup's JSON text (as a checkpoint item, and as a tag-query resource), kept for the
 * backups served recently. Items never change once loaded, so a page is a list of cached
 * texts instead of a fresh `JSON.stringify` of every item, the main cost of a page. Texts,
 * not Buffers: Buffers are external memory, and churning it makes V8 run full collections,
 * which cost a second each over the heap of a million backups.
 */
export class ItemJsonCache {
  readonly #items: GenerationalCache<CheckpointItem, string>;
  readonly #resources: GenerationalCache<CheckpointItem, string>;

  constructor(generationSize = 20_000) {
    this.#items = new GenerationalCache(generationSize);
    this.#resources = new GenerationalCache(generationSize);
  }

  /** `{...checkpoint item...}` */
  json(item: CheckpointItem): string {
    return this.#items.get(item, (i) => JSON.stringify(i));
  }

  /** `{resource_id, resource_name, resource_detail, tags}` */
  resourceJson(item: CheckpointItem): string {
    return this.#resources.get(item, (i) => resourceText(i, this.json(i)));
  }

  /** The pieces of `[a,b,…]`, written one after the other (no copy into one big buffer). */
  listParts(items: readonly CheckpointItem[], each: (item: CheckpointItem) => string): string[] {
    const parts: string[] = ['['];
    for (let i = 0; i < items.length; i++) parts.push(i === 0 ? each(items[i]!) : `,${each(items[i]!)}`);
    parts.push(']');
    return parts;
  }
}
