import type { CheckpointItem, TagQuery } from '@csbs-kit/models';
import { matchesTagQuery } from '@csbs-kit/tag-query';
import { withClient } from '../client-factory.js';
import { fleetScopeFlags } from '../fleet/fleet-flags.js';
import { keepYoungGenerationSmall } from '../memory-tuning.js';
import { formatCount } from '../output/human.js';
import type { CommandHandler } from '../program.js';
import { Progress } from '../progress.js';
import { wholeNumberFlag } from './flag-values.js';
import { listingFilters, sortFlag } from './listing-flags.js';
import { notice, outputSetup, recordWriter } from './output-setup.js';
import { selectorFlag } from './selector-flag.js';

export const defaultMax = 50;
const maxPageSize = 1000;

/** How far a listing walks: every page with `--all`, else up to `--max` (default 50). */
export function listingPlan(flags: Record<string, unknown>): { cap: number | undefined; pageSize: number } {
  const max = wholeNumberFlag('--max', flags.max, { min: 1 });
  const pageSize = wholeNumberFlag('--page-size', flags.pageSize, { min: 1, max: maxPageSize });
  const cap = flags.all === true ? undefined : (max ?? defaultMax);
  return { cap, pageSize: pageSize ?? Math.min(maxPageSize, cap ?? maxPageSize) };
}

export const run: CommandHandler = async (ctx, flags) => {
  const scope = fleetScopeFlags(flags);
  if (scope) return (await import('../fleet/fleet-list.js')).runFleetList(ctx, flags, scope);
  const filters = listingFilters(flags);
  const sort = sortFlag(flags.sort);
  const selector: TagQuery | undefined = selectorFlag(flags.selector);
  const { cap, pageSize } = listingPlan(flags);
  const setup = outputSetup(ctx, flags);

  keepYoungGenerationSmall();
  await withClient(ctx, flags, async (client) => {
    // The server cannot filter by tag: with --selector every page is read and filtered
    // here, so the cap counts matches and is enforced here rather than sent as `limit`.
    const params = {
      ...filters,
      ...(sort ? { sort } : {}),
      ...(cap !== undefined && !selector ? { limit: cap } : {}),
    };
    const writer = recordWriter(ctx, setup, 'checkpoint-item', { streamJson: cap === undefined });
    const progress = new Progress(ctx.io.stderr, {
      // Worth drawing when the walk spans pages: --all, a large --max, or a selector scan.
      enabled:
        ctx.io.stderr.isTTY === true &&
        !flags.quiet &&
        (cap === undefined || cap > pageSize || selector !== undefined),
    });
    let written = 0;
    let capped = false;
    try {
      for await (const page of client.paginateCheckpointItems(params, { pageSize }).pages()) {
        progress.page(page.checkpoint_items.length);
        let batch: CheckpointItem[] = page.checkpoint_items;
        if (selector)
          batch = batch.filter((item) =>
            matchesTagQuery(selector, { name: item.name ?? '', tags: item.tags ?? [] }),
          );
        if (cap !== undefined && written + batch.length >= cap) {
          // More may exist when this page had more than fits, or another page follows.
          capped = written + batch.length > cap || page.nextMarker !== undefined;
          batch = batch.slice(0, cap - written);
        }
        await writer.write(batch);
        written += batch.length;
        if (cap !== undefined && written >= cap) break;
      }
    } finally {
      progress.done();
    }
    await writer.end();
    if (written === 0 && setup.format === 'table') notice(ctx, flags, 'No backups found.');
    if (capped) {
      notice(
        ctx,
        flags,
        `csbs: showing the first ${formatCount(written)} backups; use --max N or --all for more`,
      );
    }
  });
};
