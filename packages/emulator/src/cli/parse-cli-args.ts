import { parseArgs } from 'node:util';
import { EmulatorOptionsError } from '../errors.js';
import { validateFaultOptions } from '../faults/fault-options.js';
import type { EmulatorOptions, FaultOptions } from '../types.js';

export const usage = `Usage: csbs-emulator [options]

A local CSBS-compatible server for tests, demos and offline work.

Options:
  --host HOST                 address to listen on (default 127.0.0.1)
  --port PORT                 port to listen on (default 0: a free port)
  --data FILE                 serve the backups and credentials of a data file
  --generate N                generate N demo backups in each project
  --projects P                projects --generate fills: 1 or 2 (default 2: the demo
                              project and a second one for isolation tests)
  --seed S                    seed of --generate (default 1)
  --latency MS|MIN-MAX        delay every API response
  --fault-rate R              answer a fraction R (0..1) of API requests with a fault status
  --fault-statuses LIST       statuses for --fault-rate, e.g. 429,503 (default 503)
  --retry-after S             Retry-After seconds on 429/503 (default 1)
  --cut-rate R                cut a fraction R (0..1) of API connections
  --fault-seed S              seed of the faults (same seed, same faults)
  --region R                  region of the IAM catalog's endpoints (default eu-de)
  --no-strict                 ignore unknown fields of the tag-query body
  --help                      show this help
`;

export type CliCommand = { help: true } | { help: false; options: EmulatorOptions };

function wholeNumber(flag: string, text: string | undefined, min = 0): number | undefined {
  if (text === undefined) return undefined;
  if (!/^[0-9]+$/.test(text) || Number(text) < min || !Number.isSafeInteger(Number(text))) {
    throw new EmulatorOptionsError(
      `--${flag} must be a whole number${min > 0 ? ` ≥ ${min}` : ''}, got "${text}"`,
    );
  }
  return Number(text);
}

function fraction(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) {
    throw new EmulatorOptionsError(`--${flag} must be a number between 0 and 1, got "${text}"`);
  }
  return n;
}

function latency(text: string | undefined): FaultOptions['latencyMs'] {
  if (text === undefined) return undefined;
  const range = /^([0-9]+)-([0-9]+)$/.exec(text);
  if (range) return { min: Number(range[1]), max: Number(range[2]) };
  return wholeNumber('latency', text);
}

function statuses(text: string | undefined): number[] | undefined {
  if (text === undefined) return undefined;
  return text.split(',').map((part) => {
    const n = wholeNumber('fault-statuses', part.trim());
    return n as number;
  });
}

/** Reads the bin's flags into emulator options; throws `EmulatorOptionsError` on bad input. */
export function parseCliArgs(argv: string[]): CliCommand {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      allowNegative: true,
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        data: { type: 'string' },
        generate: { type: 'string' },
        seed: { type: 'string' },
        projects: { type: 'string' },
        latency: { type: 'string' },
        'fault-rate': { type: 'string' },
        'fault-statuses': { type: 'string' },
        'retry-after': { type: 'string' },
        'cut-rate': { type: 'string' },
        'fault-seed': { type: 'string' },
        region: { type: 'string' },
        strict: { type: 'boolean' },
        help: { type: 'boolean' },
      },
    }));
  } catch (cause) {
    // node:util messages can span lines; the bin promises one readable line.
    throw new EmulatorOptionsError((cause as Error).message.replace(/\s*\n\s*/g, ' '), { cause });
  }
  if (values.help === true) return { help: true };
  const text = (name: string) => values[name] as string | undefined;
  const options: EmulatorOptions = {};
  if (text('host') !== undefined) options.host = text('host');
  const port = wholeNumber('port', text('port'));
  if (port !== undefined) {
    if (port > 65535) throw new EmulatorOptionsError(`--port must be 0..65535, got "${port}"`);
    options.port = port;
  }
  if (text('data') !== undefined && text('generate') !== undefined) {
    throw new EmulatorOptionsError('give either --data or --generate, not both');
  }
  if (text('data') !== undefined) options.dataFile = text('data');
  const count = wholeNumber('generate', text('generate'));
  const seed = wholeNumber('seed', text('seed'));
  const projects = wholeNumber('projects', text('projects'));
  if (count !== undefined) {
    options.generate = { count };
    if (seed !== undefined) options.generate.seed = seed;
    if (projects !== undefined) options.generate.projects = projects;
  } else if (seed !== undefined || projects !== undefined) {
    throw new EmulatorOptionsError(`--${seed !== undefined ? 'seed' : 'projects'} needs --generate`);
  }
  const faults: FaultOptions = {};
  const latencyMs = latency(text('latency'));
  if (latencyMs !== undefined) faults.latencyMs = latencyMs;
  const statusRate = fraction('fault-rate', text('fault-rate'));
  if (statusRate !== undefined) faults.statusRate = statusRate;
  const faultStatuses = statuses(text('fault-statuses'));
  if (faultStatuses !== undefined) faults.statuses = faultStatuses;
  const retryAfter = wholeNumber('retry-after', text('retry-after'));
  if (retryAfter !== undefined) faults.retryAfterSeconds = retryAfter;
  const cutRate = fraction('cut-rate', text('cut-rate'));
  if (cutRate !== undefined) faults.cutRate = cutRate;
  const faultSeed = wholeNumber('fault-seed', text('fault-seed'));
  if (faultSeed !== undefined) faults.seed = faultSeed;
  if (Object.keys(faults).length > 0) options.faults = validateFaultOptions(faults);
  if (values.strict === false) options.strict = false;
  if (text('region') !== undefined) options.region = text('region');
  return { help: false, options };
}
