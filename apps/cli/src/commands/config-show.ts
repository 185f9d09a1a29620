import { rememberSecrets } from '../client-factory.js';
import type { CommandHandler } from '../command-handler.js';
import { describeSettings } from '../settings/describe-settings.js';
import { loadSettings } from '../settings/load-settings.js';
import { notice, outputSetup, recordWriter } from './output-setup.js';

export const run: CommandHandler = async (ctx, flags) => {
  const setup = outputSetup(ctx, flags, 'setting');
  const settings = await loadSettings(flags as Record<string, unknown>, ctx.io);
  rememberSecrets(ctx, settings);
  const rows = describeSettings(settings);
  const shown = setup.format === 'table' ? rows.filter((r) => r.source !== 'not set') : rows;
  const writer = recordWriter(ctx, setup, 'setting', { streamJson: false });
  await writer.write(shown);
  await writer.end();
  if (setup.format === 'table')
    notice(ctx, flags, 'Settings not shown are not set. Flags beat environment, which beats clouds.yaml.');
};
