import { CsbsClient, type Hooks } from '@csbs-kit/client';
import { type CommandContext, type GlobalFlags, writeStderr } from './context.js';
import { escapeControls } from './output/terminal-text.js';
import { clientSettingsFrom } from './settings/client-options.js';
import { loadSettings } from './settings/load-settings.js';
import type { Settings } from './settings/resolve-settings.js';
import { secretSettings } from './settings/setting-names.js';

/** Notes every secret value so that stderr text can be masked against it. */
export function rememberSecrets(ctx: CommandContext, settings: Settings): void {
  for (const [name, value] of Object.entries(settings)) {
    if (value && secretSettings.has(name as never)) ctx.secrets.add(value.value);
  }
}

/**
 * `--debug`: the client's summaries, which it has already redacted, one line each; what
 * came from the server (a request id) or from settings (a URL) has its controls written out.
 */
export function debugHooks(ctx: CommandContext): Hooks {
  return {
    onRequest: (s) =>
      writeStderr(
        ctx,
        escapeControls(
          `csbs: debug: -> ${s.method} ${s.url} (attempt ${s.attempt}) ${JSON.stringify(s.headers)}`,
        ),
      ),
    onResponse: (s) =>
      writeStderr(
        ctx,
        escapeControls(
          `csbs: debug: <- ${s.status} ${s.method} ${s.url} ${Math.round(s.durationMs)}ms (request id ${s.requestId ?? 'none'})`,
        ),
      ),
    onRetry: (s) =>
      writeStderr(
        ctx,
        escapeControls(
          `csbs: debug: retry ${s.method} ${s.url} after ${Math.round(s.delayMs)}ms: ${s.reason}`,
        ),
      ),
  };
}

/** A client from flags, environment and clouds.yaml; usage errors come before any request. */
export async function createClient(ctx: CommandContext, flags: GlobalFlags): Promise<CsbsClient> {
  const settings = await loadSettings(flags as Record<string, unknown>, ctx.io);
  rememberSecrets(ctx, settings);
  const options = clientSettingsFrom(settings);
  return new CsbsClient({
    ...options,
    ...(flags.debug ? { hooks: debugHooks(ctx) } : {}),
    userAgent: 'csbs-cli',
  });
}

/** Runs `work` with a client and always closes its connection pool, so the process can exit. */
export async function withClient<T>(
  ctx: CommandContext,
  flags: GlobalFlags,
  work: (client: CsbsClient) => Promise<T>,
): Promise<T> {
  const client = await createClient(ctx, flags);
  try {
    return await work(client);
  } finally {
    await client.close();
  }
}
