import { EmulatorDataError, EmulatorOptionsError } from '../errors.js';
import { startEmulator } from '../start-emulator.js';
import type { DemoCredentials } from '../types.js';
import { bindWarning } from './bind-warning.js';
import { parseCliArgs, usage } from './parse-cli-args.js';

export interface CliIo {
  stdout?: NodeJS.WritableStream;
  stderr?: NodeJS.WritableStream;
  /** Resolves when the emulator should stop; SIGINT or SIGTERM by default. */
  stopSignal?: Promise<unknown>;
}

function describeDemo(url: string, d: DemoCredentials): string {
  return [
    'demo credentials (fake, for this emulator only):',
    `  project id:        ${d.projectId}`,
    `  other project id:  ${d.otherProjectId} (token ${d.otherToken})`,
    `  token:             ${d.token}`,
    `  admin token:       ${d.adminToken}`,
    `  access key:        ${d.accessKey}`,
    `  secret key:        ${d.secretKey}`,
    `  user / password:   ${d.username} / ${d.password} (domain ${d.domainName}, project ${d.projectName})`,
    `  auth URL (IAM):    ${url} (Keystone v3; the token catalog points back here)`,
    `try: curl -H 'X-Auth-Token: ${d.token}' '${url}/v1/${d.projectId}/checkpoint_items?limit=2'`,
    '',
  ].join('\n');
}

function signalOnce(): { promise: Promise<string>; dispose: () => void } {
  let dispose = () => {};
  const promise = new Promise<string>((resolve) => {
    const onSignal = (signal: string) => resolve(signal);
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    dispose = () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    };
  });
  return { promise, dispose };
}

/**
 * The `csbs-emulator` command (also `csbs emulator` in the CLI): starts an emulator, prints
 * `csbs-emulator listening on <url>` as the first line, and resolves with the exit code once
 * it has stopped on SIGINT/SIGTERM; with 2 at once on bad flags or invalid data.
 */
export async function runEmulatorCli(argv: string[], io: CliIo = {}): Promise<number> {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  let command: ReturnType<typeof parseCliArgs>;
  try {
    command = parseCliArgs(argv);
  } catch (error) {
    if (!EmulatorOptionsError.isInstance(error)) throw error;
    stderr.write(`csbs-emulator: ${error.message} (see --help)\n`);
    return 2;
  }
  if (command.help) {
    stdout.write(usage);
    return 0;
  }
  const signal = io.stopSignal ? undefined : signalOnce();
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  try {
    emulator = await startEmulator(command.options);
  } catch (error) {
    signal?.dispose();
    if (EmulatorDataError.isInstance(error) || EmulatorOptionsError.isInstance(error)) {
      stderr.write(`csbs-emulator: ${error.message}\n`);
      return 2;
    }
    const code = (error as NodeJS.ErrnoException).code;
    stderr.write(`csbs-emulator: cannot listen (${code ?? (error as Error).message})\n`);
    return 1;
  }
  stdout.write(`csbs-emulator listening on ${emulator.url}\n`);
  const warning = bindWarning(command.options.host ?? '127.0.0.1');
  if (warning !== undefined) stderr.write(`${warning}\n`);
  if (emulator.demo) stdout.write(describeDemo(emulator.url, emulator.demo));
  await (io.stopSignal ?? signal?.promise);
  signal?.dispose();
  await emulator.close();
  return 0;
}
