import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './parse-cli-args.js';

describe('parseCliArgs', () => {
  it('reads every flag', () => {
    expect(
      parseCliArgs([
        '--host=0.0.0.0',
        '--port',
        '8080',
        '--generate',
        '1000',
        '--seed',
        '7',
        '--latency',
        '5-20',
        '--fault-rate',
        '0.1',
        '--fault-statuses',
        '429,503',
        '--cut-rate',
        '0.05',
        '--fault-seed',
        '3',
        '--retry-after',
        '2',
        '--no-strict',
        '--region',
        'eu-nl',
      ]),
    ).toEqual({
      help: false,
      options: {
        host: '0.0.0.0',
        port: 8080,
        generate: { count: 1000, seed: 7 },
        region: 'eu-nl',
        faults: {
          latencyMs: { min: 5, max: 20 },
          statusRate: 0.1,
          statuses: [429, 503],
          cutRate: 0.05,
          seed: 3,
          retryAfterSeconds: 2,
        },
        strict: false,
      },
    });
  });

  it('reads a fixed latency and a data file', () => {
    expect(parseCliArgs(['--latency', '50', '--data', 'd.json'])).toEqual({
      help: false,
      options: { dataFile: 'd.json', faults: { latencyMs: 50 } },
    });
    expect(parseCliArgs([])).toEqual({ help: false, options: {} });
    expect(parseCliArgs(['--help'])).toEqual({ help: true });
  });

  it.each([['--port', '70000'], ['--cut-rate', 'x'], ['--latency', '1-'], ['positional']])(
    'refuses %j',
    (...argv) => {
      expect(() => parseCliArgs(argv)).toThrow(expect.objectContaining({ code: 'EMULATOR_OPTIONS_INVALID' }));
    },
  );
});
