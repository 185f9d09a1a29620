import type { CheckpointItem, ListCheckpointItemsQuery } from '@csbs-kit/models';
import { CsbsPaginationError } from '../errors/other-errors.js';

/**
 * Ends a marker walk that does not advance. A page cannot be new when it starts or ends
 * with the marker that was sent, or when an edge id (first or last item) was an edge of an
 * earlier page: items follow the marker in a fixed order, so a new page never holds either.
 * Checking the edges catches a server that ignores `marker` or cycles between pages, at two
 * ids of memory per page. One guard per walk.
 */
export class PageLoopGuard {
  readonly #seenEdges = new Set<string>();

  /** Throws a `CsbsPaginationError` when the page answering `query` is not new. */
  check(query: ListCheckpointItemsQuery, items: readonly CheckpointItem[]): void {
    const first = items[0];
    const last = items.at(-1);
    if (first === undefined || last === undefined) return;
    const marker = query.marker;
    if (marker !== undefined && (first.id === marker || last.id === marker)) {
      throw new CsbsPaginationError({ reason: 'marker-not-advancing', marker, repeatedId: marker });
    }
    for (const id of [first.id, last.id]) {
      if (this.#seenEdges.has(id))
        throw new CsbsPaginationError({ reason: 'repeated-page', marker, repeatedId: id });
    }
    this.#seenEdges.add(first.id);
    this.#seenEdges.add(last.id);
  }
}
