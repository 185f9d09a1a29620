import type { CheckpointItem, TagQuery } from '@csbs-kit/models';
import { matchesTagQuery } from '@csbs-kit/tag-query';
import { withClient } from '../client-factory.js';
import type { CommandHandler } from '../command-handler.js';
import { dumbTerminal } from '../context.js';
import { CliUsageError } from '../errors.js';
import { formatCount } from '../output/human.js';
import { Progress } from '../progress.js';
import { wholeNumberFlag } from './flag-values.js';
import { listingFilters, sortFlag } from './listing-flags.js';
import { notice, outputSetup, recordWriter } from './output-setup.js';
import { selectorFlag } from './selector-flag.js';

export const defaultMax = 50;
const maxPageSize = 1000;

/**
 * How far a listing walks: every page with `--all`, else up to `--max` (default 50). Like
 * `query`'s `--limit`, `--max` is a window that `--all` replaces, so giving both is refused.
 * Without a selector one backup more than the cap is asked for, to know whether more exist.
 */
export function listingPlan(flags: Record<string, unknown>): { cap: number | undefined; pageSize: number } {
  const max = wholeNumberFlag('--max', flags.max, { min: 1 });
  const pageSize = wholeNumberFlag('--page-size', flags.pageSize, { min: 1, max: maxPageSize });
  if (flags.all === true && max !== undefined)
    throw new CliUsageError('--max', 'cannot be combined with --all');
  const cap = flags.all === true ? undefined : (max ?? defaultMax);
  return { cap, pageSize: pageSize ?? Math.min(maxPageSize, cap === undefined ? maxPageSize : cap + 1) };
}

const backups = (n: number) => `${formatCount(n)} backup${n === 1 ? '' : 's'}`;

export const run: CommandHandler = async (ctx, flags) => {
  const filters = listingFilters(flags);
  const sort = sortFlag(flags.sort);
  const selector: TagQuery | undefined = selectorFlag(flags.selector);
  const { cap, pageSize } = listingPlan(flags);
  const setup = outputSetup(ctx, flags, 'checkpoint-item');

  await withClient(ctx, flags, async (client) => {
    // The server cannot filter by tag: with --selector every page is read and filtered
    // here, so the cap counts matches and is enforced here rather than as the walk's
    // `maxItems`. Without one, one backup more than the cap tells whether more exist.
    const params = { ...filters, ...(sort ? { sort } : {}), limit: pageSize };
    const maxItems = cap !== undefined && !selector ? cap + 1 : undefined;
    const writer = recordWriter(ctx, setup, 'checkpoint-item', { streamJson: cap === undefined });
    // NDJSON of whole records copies each item's received text (still validated by the
    // client) rather than serialising it again: that is most of a long walk's CPU.
    const itemTexts = setup.format === 'ndjson' && setup.fields === undefined;
    const progress = new Progress(ctx.io.stderr, {
      // Worth drawing when the walk spans pages: --all, a large --max, or a selector scan.
      enabled:
        ctx.io.stderr.isTTY === true &&
        !dumbTerminal(ctx.io) &&
        !flags.quiet &&
        (cap === undefined || cap > pageSize || selector !== undefined),
    });
    let written = 0;
    let capped = false;
    try {
      const pages = client
        .paginateCheckpointItems(params, { ...(maxItems === undefined ? {} : { maxItems }), itemTexts })
        .pages();
      for await (const page of pages) {
        progress.page(page.checkpoint_items.length);
        let batch: readonly CheckpointItem[] = page.checkpoint_items;
        let texts: readonly string[] | undefined = page.itemTexts;
        if (selector) {
          const kept = batch.flatMap((item, i) =>
            matchesTagQuery(selector, { name: item.name ?? '', tags: item.tags ?? [] }) ? [i] : [],
          );
          batch = kept.map((i) => batch[i] as CheckpointItem);
          if (texts) texts = kept.map((i) => (texts as readonly string[])[i] as string);
        }
        if (cap !== undefined && written + batch.length >= cap) {
          // Without a selector one more than the cap was asked for, so more exist exactly
          // when it came; a selector scan only knows that another page follows.
          capped = written + batch.length > cap || (selector !== undefined && page.nextMarker !== undefined);
          batch = batch.slice(0, cap - written);
          texts = texts?.slice(0, cap - written);
        }
        // The page's NDJSON bytes serve only while the batch is the whole page, in order
        // (a selector that kept every item, no cap that cut it).
        const lines = batch.length === page.checkpoint_items.length ? page.itemLines : undefined;
        await writer.write(batch, texts, lines);
        written += batch.length;
        if (cap !== undefined && written >= cap) break;
      }
    } catch (error) {
      // What reached stdout stays valid in its format (a JSON array is closed); the error
      // still ends the command with its exit code.
      await writer.abort();
      throw error;
    } finally {
      progress.done();
    }
    await writer.end();
    if (written === 0 && setup.format === 'table') notice(ctx, flags, 'No backups found.');
    if (capped) {
      notice(ctx, flags, `csbs: showing the first ${backups(written)}; use --max N or --all for more`);
    }
  });
};
