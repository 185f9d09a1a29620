import { countFleetCheckpointItems } from '@csbs-kit/fleet';
import type { CommandHandler } from '../command-handler.js';
import { listingFilters } from '../commands/listing-flags.js';
import { bareNumber, outputSetup } from '../commands/output-setup.js';
import type { CommandContext, GlobalFlags } from '../context.js';
import { writeChunk } from '../io.js';
import { createRecordWriter } from '../output/record-writer.js';
import { renderSingleRecord } from '../output/single-record.js';
import { reportFleetFailure } from './fleet-failures.js';
import { type FleetScope, fleetScopeFlags } from './fleet-flags.js';
import { withFleetSession } from './fleet-session.js';

/**
 * `backups count --projects …|--all-projects`: the sum, bare (as for one project), or with
 * `-o json|yaml` `{count, projects: [{project_id, count}]}`; `-o ndjson|csv` one row per project.
 */
export async function runFleetCount(
  ctx: CommandContext,
  flags: GlobalFlags & Record<string, unknown>,
  scope: FleetScope,
): Promise<void> {
  const filters = listingFilters(flags);
  const setup = outputSetup(ctx, flags);
  const outcome = await withFleetSession(ctx, flags, scope, (session) =>
    countFleetCheckpointItems({
      projects: session.projects,
      clientFor: session.clientFor,
      concurrency: session.concurrency,
      params: filters,
      onFailure: (failure) => reportFleetFailure(ctx, failure),
    }),
  );
  const rows = outcome.results.map((r) => ({ project_id: r.project.id, count: r.value }));
  if (bareNumber(flags, setup.format)) {
    await writeChunk(ctx.io.stdout, `${outcome.total}\n`);
  } else if (setup.format === 'json' || setup.format === 'yaml') {
    await writeChunk(
      ctx.io.stdout,
      renderSingleRecord({ count: outcome.total, projects: rows }, setup.format),
    );
  } else {
    const writer = createRecordWriter({
      format: setup.format,
      stream: ctx.io.stdout,
      columns: [
        { header: 'PROJECT', path: 'project_id' },
        { header: 'COUNT', path: 'count' },
      ],
      fields: setup.fields,
    });
    await writer.write(rows);
    await writer.end();
  }
}

/** `backups count` with `--projects` or `--all-projects`: program.ts chooses this module then. */
export const run: CommandHandler = (ctx, flags) =>
  runFleetCount(ctx, flags, fleetScopeFlags(flags) as FleetScope);
