import { paginateFleetCheckpointItems } from '@csbs-kit/fleet';
import type { CheckpointItem, TagQuery } from '@csbs-kit/models';
import { matchesTagQuery } from '@csbs-kit/tag-query';
import type { CommandHandler } from '../command-handler.js';
import { listingPlan } from '../commands/backups-list.js';
import { listingFilters, sortFlag } from '../commands/listing-flags.js';
import { notice, outputSetup } from '../commands/output-setup.js';
import { selectorFlag } from '../commands/selector-flag.js';
import type { CommandContext, GlobalFlags } from '../context.js';
import { formatCount } from '../output/human.js';
import { createRecordWriter } from '../output/record-writer.js';
import { Progress } from '../progress.js';
import { fleetColumns } from './fleet-columns.js';
import { reportFleetFailure } from './fleet-failures.js';
import { type FleetScope, fleetScopeFlags } from './fleet-flags.js';
import { withFleetSession } from './fleet-session.js';

/**
 * `backups list --projects …|--all-projects`: every project's pages as they arrive (each
 * project in its --sort order; projects interleave), each row with `project_id`. `--max`
 * counts rows over the whole fleet and is enforced here, not sent as a per-project limit.
 */
export async function runFleetList(
  ctx: CommandContext,
  flags: GlobalFlags & Record<string, unknown>,
  scope: FleetScope,
): Promise<void> {
  const filters = listingFilters(flags);
  const sort = sortFlag(flags.sort);
  const selector: TagQuery | undefined = selectorFlag(flags.selector);
  const { cap, pageSize } = listingPlan(flags);
  const setup = outputSetup(ctx, flags);
  const writer = createRecordWriter({
    format: setup.format,
    stream: ctx.io.stdout,
    columns: fleetColumns(setup, 'checkpoint-item'),
    fields: setup.fields,
    streamJson: cap === undefined,
    ...(setup.bold ? { bold: setup.bold } : {}),
  });
  let written = 0;
  let capped = false;
  await withFleetSession(ctx, flags, scope, async (session) => {
    const progress = new Progress(ctx.io.stderr, { enabled: ctx.io.stderr.isTTY === true && !flags.quiet });
    try {
      for await (const event of paginateFleetCheckpointItems({
        projects: session.projects,
        clientFor: session.clientFor,
        concurrency: session.concurrency,
        params: { ...filters, ...(sort ? { sort } : {}), limit: pageSize },
      })) {
        if (event.kind === 'failure') {
          progress.done();
          reportFleetFailure(ctx, event.failure);
          continue;
        }
        if (event.kind !== 'page') continue;
        progress.page(event.items.length);
        let batch: CheckpointItem[] = event.items;
        if (selector)
          batch = batch.filter((item) =>
            matchesTagQuery(selector, { name: item.name ?? '', tags: item.tags ?? [] }),
          );
        if (cap !== undefined && written + batch.length >= cap) {
          capped = true;
          batch = batch.slice(0, cap - written);
        }
        await writer.write(batch);
        written += batch.length;
        if (cap !== undefined && written >= cap) break;
      }
    } finally {
      progress.done();
    }
  });
  await writer.end();
  if (written === 0 && setup.format === 'table') notice(ctx, flags, 'No backups found.');
  if (capped) {
    notice(
      ctx,
      flags,
      `csbs: showing the first ${formatCount(written)} backups; use --max N or --all for more`,
    );
  }
}

/** `backups list` with `--projects` or `--all-projects`: program.ts chooses this module then. */
export const run: CommandHandler = (ctx, flags) =>
  runFleetList(ctx, flags, fleetScopeFlags(flags) as FleetScope);
