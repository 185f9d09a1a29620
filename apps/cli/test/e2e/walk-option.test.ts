import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type RunningEmulator, startEmulator } from '@csbs-kit/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csbsBin, ndjson, tempDir, tokenEnv } from '../helpers/run-csbs.js';

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ generate: { count: 1200, seed: 3 } });
});

afterAll(async () => {
  await emulator.close();
});

/**
 * Runs the built bin under `node --import hook`: the hook notes, in every process image
 * that loads it, the pid and the Node options, so a test sees what the walk ran with.
 */
async function runNoting(args: string[], nodeArgs: string[] = []) {
  const dir = await tempDir();
  const hook = join(dir, 'note.mjs');
  const notes = join(dir, 'notes.ndjson');
  await writeFile(
    hook,
    "import { appendFileSync } from 'node:fs';\n" +
      'appendFileSync(process.env.NOTES, JSON.stringify({ pid: process.pid, execArgv: process.execArgv }) + "\\n");\n',
  );
  const child = spawn(process.execPath, [...nodeArgs, '--import', hook, csbsBin, ...args], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', HOME: dir, NO_COLOR: '1', NOTES: notes, ...tokenEnv(emulator.url) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => {
    stdout += c;
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const seen = ndjson<{ pid: number; execArgv: string[] }>(await readFile(notes, 'utf8'));
  return { code, stdout, seen, pid: child.pid };
}

describe('the walk option', () => {
  it.skipIf(process.platform === 'win32')(
    'a walk of every page restarts the same process with --max-semi-space-size=8, before loading the CLI',
    async () => {
      const { code, stdout, seen, pid } = await runNoting(['backups', 'list', '--all', '-o', 'ndjson', '-q']);
      expect(code).toBe(0);
      expect(ndjson(stdout)).toHaveLength(1200);
      // Two images of one process: the first without the option, the one that walked with it.
      expect(seen.map((s) => s.pid)).toEqual([pid, pid]);
      expect(seen[0]!.execArgv).not.toContain('--max-semi-space-size=8');
      expect(seen[1]!.execArgv[0]).toBe('--max-semi-space-size=8');
      expect(seen[1]!.execArgv).toContain('--import');
    },
  );

  it('a short command runs where it started, and a size the user chose is kept', async () => {
    const short = await runNoting(['backups', 'list', '--max', '5', '-o', 'ndjson']);
    expect(short.code).toBe(0);
    expect(ndjson(short.stdout)).toHaveLength(5);
    expect(short.seen).toHaveLength(1);

    const chosen = await runNoting(
      ['backups', 'list', '--all', '-o', 'ndjson', '-q'],
      ['--max-semi-space-size=4'],
    );
    expect(chosen.code).toBe(0);
    expect(ndjson(chosen.stdout)).toHaveLength(1200);
    expect(chosen.seen).toHaveLength(1);
    expect(chosen.seen[0]!.execArgv).toContain('--max-semi-space-size=4');
  });
});
