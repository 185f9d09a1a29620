import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoCredentials } from '@csbs-kit/emulator';
import { expect } from 'vitest';

export const csbsBin = fileURLToPath(new URL('../../dist/bin/csbs.js', import.meta.url));

/** A temporary key pair (AK/SK plus security token) that tests load into an emulator. */
export const temporaryCredentials = {
  access_key: 'TMPAKE2E0000000000001',
  secret_key: 'tmp-secret-key-e2e-000000000000000000001',
  security_token: 'tmp-security-token-e2e-0000000000000000000001',
};

/** Every secret the e2e tests use; no run may print any of them, `--debug` included. */
export const secrets = [
  temporaryCredentials.access_key,
  temporaryCredentials.secret_key,
  temporaryCredentials.security_token,
  demoCredentials.token,
  demoCredentials.otherToken,
  demoCredentials.adminToken,
  demoCredentials.accessKey,
  demoCredentials.secretKey,
  demoCredentials.password,
];

export interface CsbsResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string>;
  /** The working folder; a fresh empty one by default, so no clouds.yaml is found. */
  cwd?: string;
  /** The home folder; a fresh empty one by default. */
  home?: string;
  input?: string;
}

export async function tempDir(prefix = 'csbs-e2e-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/**
 * Runs the built `csbs` as a child process with a controlled environment: no variable of
 * the caller's leaks in (no real OS_* or clouds.yaml), colours off, a temporary HOME and cwd.
 * It must be asynchronous: the emulator answering it runs in this very process.
 */
export async function runCsbs(args: string[], options: RunOptions = {}): Promise<CsbsResult> {
  if (!existsSync(csbsBin))
    throw new Error(`${csbsBin} is missing: build first (npx turbo run build --filter=csbs-kit...)`);
  const cwd = options.cwd ?? (await tempDir());
  const home = options.home ?? (await tempDir('csbs-home-'));
  const child = spawn(process.execPath, [csbsBin, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: home, NO_COLOR: '1', ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => {
    stdout += c;
  });
  child.stderr.setEncoding('utf8').on('data', (c: string) => {
    stderr += c;
  });
  child.stdin.end(options.input ?? '');
  const code = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve(status ?? -1));
  });
  for (const secret of secrets) {
    expect(stdout, `stdout of csbs ${args.join(' ')} leaks a secret`).not.toContain(secret);
    expect(stderr, `stderr of csbs ${args.join(' ')} leaks a secret`).not.toContain(secret);
  }
  return { code, stdout, stderr };
}

/** The environment of token auth against an emulator. */
export function tokenEnv(url: string): Record<string, string> {
  return {
    CSBS_ENDPOINT: url,
    OS_AUTH_TOKEN: demoCredentials.token,
    OS_PROJECT_ID: demoCredentials.projectId,
  };
}

export function ndjson<T = Record<string, unknown>>(text: string): T[] {
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as T);
}
