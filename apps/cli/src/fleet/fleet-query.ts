import { forEachProject } from '@csbs-kit/fleet';
import type { CommandHandler } from '../command-handler.js';
import { queryConditions, queryPaging } from '../commands/backups-query.js';
import { bareNumber, notice, outputSetup } from '../commands/output-setup.js';
import type { CommandContext, GlobalFlags } from '../context.js';
import { CliUsageError } from '../errors.js';
import { writeChunk } from '../io.js';
import { createRecordWriter } from '../output/record-writer.js';
import { renderSingleRecord } from '../output/single-record.js';
import { Progress } from '../progress.js';
import { fleetColumns } from './fleet-columns.js';
import { reportFleetFailure } from './fleet-failures.js';
import { type FleetScope, fleetScopeFlags } from './fleet-flags.js';
import { withFleetSession } from './fleet-session.js';

/**
 * `backups query --projects …|--all-projects`: the tag query in every project, rows with
 * `project_id`; `--count` sums `total_count`. `--limit` caps the rows over the whole fleet
 * (enforced here); `--offset` names a position in one project's answer, so it is refused.
 */
export async function runFleetQuery(
  ctx: CommandContext,
  flags: GlobalFlags & Record<string, unknown>,
  scope: FleetScope,
): Promise<void> {
  const query = await queryConditions(flags, ctx.io.stdin, ctx.io.cwd);
  const setup = outputSetup(ctx, flags);
  if (flags.offset !== undefined) {
    throw new CliUsageError('--offset', 'cannot be combined with --projects or --all-projects');
  }

  if (flags.count === true) {
    const outcome = await withFleetSession(ctx, flags, scope, (session) =>
      forEachProject(
        { ...session, onFailure: (failure) => reportFleetFailure(ctx, failure) },
        (client, _project, signal) => client.countResources(query, signal ? { signal } : {}),
      ),
    );
    const total = outcome.results.reduce((s, r) => s + r.value, 0);
    const rows = outcome.results.map((r) => ({ project_id: r.project.id, total_count: r.value }));
    await writeChunk(
      ctx.io.stdout,
      bareNumber(flags, setup.format)
        ? `${total}\n`
        : renderSingleRecord({ total_count: total, projects: rows }, setup.format, setup.fields),
    );
    return;
  }

  const { maxItems, pageSize } = queryPaging(flags);
  const writer = createRecordWriter({
    format: setup.format,
    stream: ctx.io.stdout,
    columns: fleetColumns(setup, 'resource'),
    fields: setup.fields,
    streamJson: maxItems === undefined,
    ...(setup.bold ? { bold: setup.bold } : {}),
  });
  let written = 0;
  let capped = false;
  // Pages of several projects arrive at once; the writer takes them one after another.
  let writing: Promise<void> = Promise.resolve();
  const stop = new AbortController();
  await withFleetSession(ctx, flags, scope, async (session) => {
    const progress = new Progress(ctx.io.stderr, { enabled: ctx.io.stderr.isTTY === true && !flags.quiet });
    try {
      await forEachProject(
        {
          ...session,
          signal: stop.signal,
          onFailure: (failure) => {
            progress.done();
            reportFleetFailure(ctx, failure);
          },
        },
        async (client, project, signal) => {
          // --limit counts rows over the whole fleet: one project never needs more than that.
          const pages = client.paginateResources(
            { ...query, limit: pageSize },
            { ...(maxItems === undefined ? {} : { maxItems }), ...(signal ? { signal } : {}) },
          );
          for await (const page of pages.pages()) {
            progress.page(page.resources.length);
            writing = writing.then(async () => {
              if (maxItems !== undefined && written >= maxItems) return;
              let batch = page.resources.map((r) => ({ ...r, project_id: project.id }));
              if (maxItems !== undefined && written + batch.length > maxItems) {
                capped = true;
                batch = batch.slice(0, maxItems - written);
              }
              await writer.write(batch);
              written += batch.length;
              if (maxItems !== undefined && written >= maxItems) stop.abort();
            });
            await writing;
            if (stop.signal.aborted) return;
          }
        },
      ).catch((error: unknown) => {
        // The --limit was reached: the walks were stopped on purpose.
        if (!stop.signal.aborted) throw error;
      });
    } finally {
      progress.done();
    }
  });
  await writing;
  await writer.end();
  if (written === 0 && setup.format === 'table') notice(ctx, flags, 'No backups match.');
  if (capped)
    notice(ctx, flags, `csbs: showing the first ${written} matches; use --limit N or --all for more`);
}

/** `backups query` with `--projects` or `--all-projects`: program.ts chooses this module then. */
export const run: CommandHandler = (ctx, flags) =>
  runFleetQuery(ctx, flags, fleetScopeFlags(flags) as FleetScope);
