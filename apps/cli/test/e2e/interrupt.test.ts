import { spawn } from 'node:child_process';
import { type RunningEmulator, startEmulator } from '@csbs-kit/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csbsBin, tempDir, tokenEnv } from '../helpers/run-csbs.js';

let emulator: RunningEmulator;

// Every page waits 50 ms, so a walk of 400 pages is still drawing progress when Ctrl-C comes.
beforeAll(async () => {
  emulator = await startEmulator({ generate: { count: 4000, seed: 5 }, faults: { latencyMs: 50 } });
});

afterAll(async () => {
  await emulator.close();
});

describe('Ctrl-C during a walk on a terminal', () => {
  it.skipIf(process.platform === 'darwin')(
    'clears the progress line and exits 130',
    { timeout: 20_000 },
    async () => {
      // Under a pseudo-terminal. The inner shell prints its pid and becomes csbs (`exec`);
      // the outer one stays, so the terminal is still open to show what csbs drew last.
      const inner = `echo "PID=$$"; exec "${process.execPath}" "${csbsBin}" backups list --all --page-size 10 -o ndjson > /dev/null`;
      const commandLine = `sh -c '${inner}'; echo "RC=$?"`;
      const child = spawn('script', ['-qc', commandLine, '/dev/null'], {
        cwd: await tempDir(),
        env: {
          PATH: process.env.PATH ?? '',
          HOME: await tempDir(),
          NO_COLOR: '1',
          TERM: 'xterm',
          ...tokenEnv(emulator.url),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let interrupted = false;
      child.stdout.setEncoding('utf8').on('data', (c: string) => {
        out += c;
        const pid = /PID=(\d+)/.exec(out)?.[1];
        // The first progress frame is on screen: now press Ctrl-C.
        if (!interrupted && pid && /items · page \d+/.test(out)) {
          interrupted = true;
          process.kill(Number(pid), 'SIGINT');
        }
      });
      await new Promise<void>((resolve) => child.on('close', () => resolve()));
      expect(interrupted, out).toBe(true);
      // The last thing csbs drew is the erase of its progress line, and it ended with 130.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the erase sequence is the point.
      expect(out).toMatch(/\r\u001b\[2K(\r?\n)?RC=130\r?\n$/);
    },
  );
});
