/**
 * The last step of the CLI build (`tsup && node build/compile-hot-functions.ts`): runs the
 * freshly built `csbs` the way people do (a listing in each output format, a query, a count,
 * `--help`, `--version`) against its own emulator with V8 coverage on, and puts every
 * function those runs called in parentheses (eager-functions.ts), so that V8 compiles them
 * with their file and Node's compile cache keeps their bytecode for the next run.
 *
 * The runs only choose which functions; any choice leaves the code doing the same thing.
 * A run that fails fails the build: the bundle it just made does not work.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { eagerFunctions } from './eager-functions.ts';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const bin = join(dist, 'bin/csbs.js');
// Fixed demo values of the emulator (packages/emulator/src/demo-credentials.ts).
const projectId = '3d0e8b1c5a2f4e6d9b7c1a0f2e4d6c8b';
const token = 'demo-token';

const commands: string[][] = [
  ['--version'],
  ['--help'],
  ['backups', 'list', '--help'],
  ['backups', 'list', '--max', '5', '-o', 'json', '-q'],
  ['backups', 'list', '--max', '5', '-q'],
  ['backups', 'list', '--max', '5', '-o', 'ndjson', '-q'],
  ['backups', 'list', '--max', '5', '-o', 'csv', '-q'],
  ['backups', 'query', '--selector', 'env=prod', '--limit', '5', '-o', 'json', '-q'],
  ['backups', 'count'],
];

function run(args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: tmpdir(), NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      out += c;
    });
    child.stderr.setEncoding('utf8').on('data', (c: string) => {
      err += c;
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`csbs ${args.join(' ')} exited with ${code}: ${err}`)),
    );
  });
}

async function withEmulator<T>(use: (url: string) => Promise<T>): Promise<T> {
  const emulator = spawn(
    process.execPath,
    [bin, 'emulator', '--port', '0', '--generate', '200', '--projects', '1', '--seed', '1'],
    { env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      emulator.stdout.setEncoding('utf8').on('data', (c: string) => {
        out += c;
        const m = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
        if (m) resolve(m[0]);
      });
      emulator.on('exit', (code) => reject(new Error(`the emulator exited with ${code}`)));
    });
    return await use(url);
  } finally {
    emulator.kill('SIGTERM');
  }
}

/** Function end offsets that ran, per file of the dist. */
function executedFunctions(coverageDir: string): Map<string, Set<number>> {
  const prefix = pathToFileURL(dist).href;
  const byFile = new Map<string, Set<number>>();
  for (const name of readdirSync(coverageDir)) {
    const { result } = JSON.parse(readFileSync(join(coverageDir, name), 'utf8')) as {
      result: {
        url: string;
        functions: { ranges: { startOffset: number; endOffset: number; count: number }[] }[];
      }[];
    };
    for (const script of result) {
      if (!script.url.startsWith(prefix)) continue;
      const file = fileURLToPath(script.url);
      const ends = byFile.get(file) ?? new Set<number>();
      byFile.set(file, ends);
      for (const { ranges } of script.functions) {
        const whole = ranges[0];
        // Offset 0 is the module itself, compiled with the file anyway.
        if (whole !== undefined && whole.count > 0 && whole.startOffset > 0) ends.add(whole.endOffset);
      }
    }
  }
  return byFile;
}

const coverageDir = mkdtempSync(join(tmpdir(), 'csbs-hot-functions-'));
try {
  await withEmulator(async (url) => {
    const env = {
      CSBS_ENDPOINT: url,
      OS_AUTH_TOKEN: token,
      OS_PROJECT_ID: projectId,
      NODE_V8_COVERAGE: coverageDir,
    };
    for (const args of commands) await run(args, env);
  });
  let wrapped = 0;
  const files = executedFunctions(coverageDir);
  for (const [file, ends] of files) {
    if (ends.size === 0) continue;
    const result = eagerFunctions(file, readFileSync(file, 'utf8'), ends);
    writeFileSync(file, result.text);
    wrapped += result.wrapped;
  }
  console.log(`compile-hot-functions: ${wrapped} functions in ${files.size} files compiled with their file`);
} finally {
  rmSync(coverageDir, { recursive: true, force: true });
}
