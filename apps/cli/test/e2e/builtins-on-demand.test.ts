import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { demoCredentials, type RunningEmulator, startEmulator } from '@csbs-kit/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ndjson, runCsbs, tempDir, tokenEnv } from '../helpers/run-csbs.js';

/*
 * Node built-ins that a command with a token never uses stay unloaded: node:crypto loads on
 * the first AK/SK signature (models' signing/node-crypto.ts), node:assert on a failed
 * undici invariant (build/node-assert-on-failure.cjs), node:child_process when commander
 * spawns (build/child-process-on-spawn.js). And commander's ES module imports of node:util
 * and node:process come without the facades whose getters load node:worker_threads,
 * util's parseArgs and `process.report` (build/node-*-without-facade.js). Together about
 * a third of `node -e 0`.
 */

let emulator: RunningEmulator;
let dir = '';

beforeAll(async () => {
  emulator = await startEmulator({ host: '127.0.0.1', port: 0, generate: { count: 20, seed: 3 } });
  dir = await tempDir();
});

afterAll(async () => {
  await emulator.close();
});

/** Runs a command with a hook that writes `process.moduleLoadList` at exit; returns the built-ins. */
async function builtinsLoadedBy(name: string, args: string[], env: Record<string, string>) {
  const hook = join(dir, `${name}.cjs`);
  const list = join(dir, `${name}.json`);
  await writeFile(
    hook,
    `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(list)}, JSON.stringify(process.moduleLoadList)));\n`,
  );
  const result = await runCsbs(args, { env: { ...env, NODE_OPTIONS: `--require ${hook}` } });
  const loaded = (JSON.parse(await readFile(list, 'utf8')) as string[])
    .filter((m) => m.startsWith('NativeModule '))
    .map((m) => m.slice('NativeModule '.length));
  return { result, loaded };
}

describe('built-ins on demand', () => {
  it('a token command loads none of node:crypto, node:assert, node:child_process, node:worker_threads', async () => {
    const { result, loaded } = await builtinsLoadedBy(
      'token',
      ['backups', 'list', '--max', '3', '-q', '-o', 'ndjson'],
      tokenEnv(emulator.url),
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(ndjson(result.stdout)).toHaveLength(3);
    expect(loaded).toContain('net');
    const unused = [
      'crypto',
      'assert',
      'child_process',
      'worker_threads',
      'internal/util/parse_args/parse_args',
      'internal/process/report',
    ];
    expect(loaded.filter((m) => unused.includes(m))).toEqual([]);
  });

  it('an AK/SK command loads node:crypto when it signs, and its answer is the same', async () => {
    const { result, loaded } = await builtinsLoadedBy(
      'aksk',
      ['backups', 'list', '--max', '3', '-q', '-o', 'ndjson'],
      {
        CSBS_ENDPOINT: emulator.url,
        OS_ACCESS_KEY: demoCredentials.accessKey,
        OS_SECRET_KEY: demoCredentials.secretKey,
        OS_PROJECT_ID: demoCredentials.projectId,
      },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const token = await runCsbs(['backups', 'list', '--max', '3', '-q', '-o', 'ndjson'], {
      env: tokenEnv(emulator.url),
    });
    expect(ndjson(result.stdout)).toEqual(ndjson(token.stdout));
    expect(loaded).toContain('crypto');
  });
});
