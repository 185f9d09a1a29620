import { withClient } from '../client-factory.js';
import { fleetScopeFlags } from '../fleet/fleet-flags.js';
import { writeChunk } from '../io.js';
import { renderSingleRecord } from '../output/single-record.js';
import type { CommandHandler } from '../program.js';
import { listingFilters } from './listing-flags.js';
import { bareNumber, outputSetup } from './output-setup.js';

export const run: CommandHandler = async (ctx, flags) => {
  const scope = fleetScopeFlags(flags);
  if (scope) return (await import('../fleet/fleet-count.js')).runFleetCount(ctx, flags, scope);
  const filters = listingFilters(flags);
  const setup = outputSetup(ctx, flags);
  const count = await withClient(ctx, flags, (client) => client.countCheckpointItems(filters));
  const text = bareNumber(flags, setup.format)
    ? `${count}\n`
    : renderSingleRecord({ count }, setup.format, setup.fields, undefined, setup);
  await writeChunk(ctx.io.stdout, text);
};
