import { withClient } from '../client-factory.js';
import type { CommandHandler } from '../command-handler.js';
import { CliUsageError } from '../errors.js';
import { writeChunk } from '../io.js';
import { renderSingleRecord } from '../output/single-record.js';
import { outputSetup } from './output-setup.js';

export const run: CommandHandler = async (ctx, flags, [id = '']) => {
  if (id.trim() === '') throw new CliUsageError('id', 'must not be empty');
  const setup = outputSetup(ctx, flags, 'checkpoint-item');
  // `show` is for one record: a terminal gets the readable layout, a pipe gets JSON.
  const format = flags.output === undefined && setup.format === 'ndjson' ? 'json' : setup.format;
  const item = await withClient(ctx, flags, (client) => client.getCheckpointItem(id.trim()));
  await writeChunk(ctx.io.stdout, renderSingleRecord(item, format, setup.fields, setup.bold, setup));
};
