import { spawn } from 'node:child_process';
import { type RunningEmulator, startEmulator } from '@csbs-kit/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csbsBin, secrets, tempDir, tokenEnv } from '../helpers/run-csbs.js';

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ host: '127.0.0.1', port: 0, generate: { count: 2500, seed: 4 } });
});

afterAll(async () => {
  await emulator.close();
});

/** Runs a shell command line under a pseudo-terminal (util-linux or BSD `script`), returning what it drew. */
async function inTerminal(commandLine: string, env: Record<string, string>): Promise<string> {
  const args =
    process.platform === 'darwin'
      ? ['-q', '/dev/null', 'sh', '-c', commandLine]
      : ['-qec', commandLine, '/dev/null'];
  const child = spawn('script', args, {
    cwd: await tempDir(),
    env: { PATH: process.env.PATH ?? '', HOME: await tempDir(), NO_COLOR: '1', TERM: 'xterm', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => {
    out += c;
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(code).toBe(0);
  return out;
}

describe('progress on a terminal', () => {
  it('draws pages, items and rate on stderr during a walk, then clears the line', async () => {
    const shown = await inTerminal(
      `"${process.execPath}" "${csbsBin}" backups list --all --page-size 100 -o ndjson > /dev/null`,
      tokenEnv(emulator.url),
    );
    const clearLine = '\r\u001b[2K';
    const frames = shown.split(clearLine).filter(Boolean);
    expect(frames.length).toBeGreaterThan(0);
    for (const frame of frames) expect(frame).toMatch(/^[\d,]+ items · page \d+ · [\d,]+\/s$/);
    expect(shown.endsWith(clearLine)).toBe(true);
    for (const secret of secrets) expect(shown).not.toContain(secret);
  });

  it('shows the share done when the total is known (tag query)', async () => {
    const shown = await inTerminal(
      `"${process.execPath}" "${csbsBin}" backups query --selector env --all --page-size 100 > /dev/null`,
      tokenEnv(emulator.url),
    );
    expect(shown).toMatch(/[\d,]+\/[\d,]+ items \(\d+%\) · page \d+/);
  });

  it('draws nothing with --quiet', async () => {
    const shown = await inTerminal(
      `"${process.execPath}" "${csbsBin}" backups list --all --page-size 100 -q -o ndjson > /dev/null`,
      tokenEnv(emulator.url),
    );
    expect(shown).toBe('');
  });

  it('draws nothing on TERM=dumb, which cannot redraw a line', async () => {
    const shown = await inTerminal(
      `"${process.execPath}" "${csbsBin}" backups list --all --page-size 100 -o ndjson > /dev/null`,
      { ...tokenEnv(emulator.url), TERM: 'dumb' },
    );
    expect(shown).toBe('');
  });
});
