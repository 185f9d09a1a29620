import { spawn } from 'node:child_process';
import { type RunningEmulator, startEmulator } from '@csbs-kit/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csbsBin, tempDir, tokenEnv } from '../helpers/run-csbs.js';

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ generate: { count: 3000, seed: 3 } });
});

afterAll(async () => {
  await emulator.close();
});

/** Runs csbs with one of its output pipes closed by the reader before csbs writes to it. */
async function runWithClosed(stream: 'stdout' | 'stderr', args: string[]) {
  const child = spawn(process.execPath, [csbsBin, ...args], {
    cwd: await tempDir(),
    env: {
      PATH: process.env.PATH ?? '',
      HOME: await tempDir('csbs-home-'),
      NO_COLOR: '1',
      ...tokenEnv(emulator.url),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The reader goes away at once, like `head` after it has what it wants.
  child[stream].destroy();
  const other = stream === 'stdout' ? child.stderr : child.stdout;
  let text = '';
  other.setEncoding('utf8').on('data', (c: string) => {
    text += c;
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', (status) => resolve(status)));
  return { code, text };
}

describe('a reader that closes the pipe early', () => {
  it('closed stderr: the listing still reaches stdout and csbs exits 0, quietly', async () => {
    // --max 10 of 3000 ends with a hint on stderr, which now has no reader (EPIPE).
    const r = await runWithClosed('stderr', ['backups', 'list', '--max', '10', '-o', 'ndjson']);
    expect(r.code).toBe(0);
    expect(r.text.trimEnd().split('\n')).toHaveLength(10);
  });

  it('closed stdout: exit 0 and nothing on stderr', async () => {
    const r = await runWithClosed('stdout', ['backups', 'list', '--all', '-o', 'ndjson']);
    expect(r.code).toBe(0);
    expect(r.text).toBe('');
  });

  it('`2>&1 | head -3` exits 0', async () => {
    const script = `node ${JSON.stringify(csbsBin)} backups list --all -o ndjson 2>&1 | head -3 >/dev/null; exit \${PIPESTATUS[0]}`;
    const child = spawn('bash', ['-c', script], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: await tempDir('csbs-home-'),
        NO_COLOR: '1',
        ...tokenEnv(emulator.url),
      },
      stdio: 'ignore',
    });
    const code = await new Promise<number | null>((resolve) =>
      child.on('close', (status) => resolve(status)),
    );
    expect(code).toBe(0);
  });
});
