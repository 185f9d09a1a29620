import { withClient } from '../client-factory.js';
import type { CommandHandler } from '../command-handler.js';
import { writeChunk } from '../io.js';
import { renderSingleRecord } from '../output/single-record.js';
import { listingFilters } from './listing-flags.js';
import { bareNumber, outputSetup } from './output-setup.js';

export const run: CommandHandler = async (ctx, flags) => {
  const filters = listingFilters(flags);
  const setup = outputSetup(ctx, flags);
  const count = await withClient(ctx, flags, (client) => client.countCheckpointItems(filters));
  const text = bareNumber(flags, setup.format)
    ? `${count}\n`
    : renderSingleRecord({ count }, setup.format, setup.fields, undefined, setup);
  await writeChunk(ctx.io.stdout, text);
};
