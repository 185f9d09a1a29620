import type { CheckpointItem, CsbsClient, ListCheckpointItemsQuery } from '@csbs-kit/client';
import { AsyncChannel } from './async-channel.js';
import { type FleetClient, type FleetOptions, forEachProject } from './fan-out.js';
import type { FleetFailure } from './fleet-failure.js';
import type { FleetProject } from './fleet-project.js';

/** A backup as a fleet walk yields it: the listing's item with the project it came from. */
export type FleetCheckpointItem = CheckpointItem & { project_id: string };

export type FleetEvent =
  | { kind: 'page'; project: FleetProject; items: FleetCheckpointItem[] }
  | { kind: 'failure'; failure: FleetFailure }
  | { kind: 'done'; project: FleetProject; count: number };

export type FleetListingClient = FleetClient & Pick<CsbsClient, 'paginateCheckpointItems'>;

export interface FleetListingOptions<C extends FleetListingClient> extends FleetOptions<C> {
  /**
   * The listing's filters, the same for every project (never changed); `limit` is the page
   * size, as in `client.paginateCheckpointItems` (default and most 1000).
   */
  params?: ListCheckpointItemsQuery;
}

/**
 * Every backup of every project, as pages tagged with `project_id`, interleaved as they
 * arrive; a project that fails yields one `failure` event and the others carry on. At
 * most `concurrency` projects are walked at once, and a walk waits while the caller has
 * not read the pages already fetched. Breaking out of the loop stops every walk.
 *
 * ```ts
 * for await (const event of paginateFleetCheckpointItems({ projects, clientFor })) {
 *   if (event.kind === 'page') for (const item of event.items) console.log(item.project_id, item.id);
 *   if (event.kind === 'failure') console.error(event.failure.project.id, event.failure.code);
 * }
 * ```
 */
export async function* paginateFleetCheckpointItems<C extends FleetListingClient>(
  options: FleetListingOptions<C>,
): AsyncGenerator<FleetEvent, void, undefined> {
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  const channel = new AsyncChannel<FleetEvent>(Math.max(2, (options.concurrency ?? 4) * 2));
  const walking = forEachProject(
    { ...options, signal, onFailure: (failure) => channel.push({ kind: 'failure', failure }) },
    async (client, project, walkSignal) => {
      let count = 0;
      const pages = client
        .paginateCheckpointItems(options.params ?? {}, walkSignal ? { signal: walkSignal } : {})
        .pages();
      for await (const page of pages) {
        // The page's items are fresh objects of this walk alone: tagging them in place
        // costs a property per item instead of a copy of every item.
        const items = page.checkpoint_items as FleetCheckpointItem[];
        for (const item of items) item.project_id = project.id;
        count += items.length;
        await channel.push({ kind: 'page', project, items });
        if (stop.signal.aborted) return count;
      }
      await channel.push({ kind: 'done', project, count });
      return count;
    },
  ).then(
    () => undefined,
    (error: unknown) => ({ error }),
  );
  try {
    const ended = walking.then((error) => {
      channel.close();
      return error;
    });
    for (;;) {
      const next = await channel.take();
      if (next.done) break;
      yield next.value;
    }
    const failed = await ended;
    if (failed !== undefined && !stop.signal.aborted) throw failed.error;
  } finally {
    stop.abort();
    channel.close();
    await walking;
  }
}
