/*
 * What the CLI benchmarks share: running a process with its wall time and peak RSS, and an
 * emulator in a process of its own (so its CPU is not the measured process's).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The built bin of the csbs-kit package this workspace depends on, as a user would run it.
export const bin = join(
  dirname(createRequire(import.meta.url).resolve('csbs-kit/package.json')),
  'dist/bin/csbs.js',
);
const rssHook = fileURLToPath(new URL('./max-rss.mjs', import.meta.url));

export interface Measured {
  ms: number;
  rssKiB: number;
  stdout: string;
}

/** Runs node with arguments, stdout discarded unless kept, and measures wall time and peak RSS. */
export function measure(
  args: string[],
  env: Record<string, string> = {},
  keepStdout = false,
  withRss = true,
): Promise<Measured> {
  const rssFile = join(tmpdir(), `csbs-bench-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const started = performance.now();
  // The RSS hook is one more module to load: left out where start-up itself is measured.
  const child = spawn(process.execPath, [...(withRss ? ['--import', rssHook] : []), ...args], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: tmpdir(),
      NO_COLOR: '1',
      CSBS_BENCH_RSS_FILE: rssFile,
      ...env,
    },
    stdio: ['ignore', keepStdout ? 'pipe' : 'ignore', 'inherit'],
  });
  let stdout = '';
  child.stdout?.setEncoding('utf8').on('data', (c: string) => {
    stdout += c;
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      if (code !== 0) return reject(new Error(`node ${args.join(' ')} exited with ${code}`));
      const rssKiB = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : Number.NaN;
      rmSync(rssFile, { force: true });
      resolve({ ms, rssKiB, stdout });
    });
  });
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
export const fmt = (n: number, digits = 1) => n.toFixed(digits);

export async function startEmulatorProcess(
  count: number,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(
    process.execPath,
    [bin, 'emulator', '--port', '0', '--generate', String(count), '--projects', '1', '--seed', '1'],
    {
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      out += c;
      const m = /http:\/\/[^\s]+/.exec(out);
      if (m && out.includes('\n')) resolve(m[0]);
    });
    child.on('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
  });
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
