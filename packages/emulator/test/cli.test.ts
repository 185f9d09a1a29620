import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { demoCredentials as demo } from '../src/demo-credentials.js';
import { runEmulatorCli } from '../src/index.js';
import { fixtureData, projectA, tokens } from './fixture.js';
import { get } from './http.js';

const dir = mkdtempSync(join(tmpdir(), 'csbs-emulator-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Resolves with everything read once the first line is complete, or when the stream ends. */
function firstLine(stream: NodeJS.ReadableStream, text: () => string): Promise<string> {
  return new Promise((resolve) => {
    const check = () => {
      if (!text().includes('\n')) return;
      stream.off('data', check);
      resolve(text());
    };
    stream.on('data', check);
    stream.once('end', () => resolve(text()));
    check();
  });
}

function capture() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (c) => {
    text += String(c);
  });
  return { stream, text: () => text };
}

/** Starts the CLI in-process; resolves with its URL once the first line is out. */
async function startCli(argv: string[]) {
  const out = capture();
  const err = capture();
  let stop!: () => void;
  const stopSignal = new Promise<void>((resolve) => {
    stop = resolve;
  });
  const exit = runEmulatorCli(argv, { stdout: out.stream, stderr: err.stream, stopSignal });
  // The first line is written before the CLI resolves, or the CLI fails first.
  const first = await Promise.race([firstLine(out.stream, out.text), exit.then(() => out.text())]);
  const url = /listening on (http:\/\/\S+)/.exec(first)?.[1];
  return { url, out, err, stop, exit };
}

describe('runEmulatorCli', () => {
  it.each([
    [['--port', 'abc'], '--port must be a whole number'],
    [['--generate', '-5'], '--generate'],
    [['--fault-rate', '2'], '--fault-rate must be a number between 0 and 1'],
    [['--fault-statuses', '418'], 'statuses[0]'],
    [['--latency', '9-1'], 'min must not exceed max'],
    [['--wat'], "Unknown option '--wat'"],
    [['--data', 'x.json', '--generate', '5'], 'either --data or --generate'],
    [['--seed', '4'], '--seed needs --generate'],
    [['--projects', '1'], '--projects needs --generate'],
    [['--generate', '5', '--projects', '3'], 'generate.projects'],
  ])('exits 2 with one line on stderr for %j', async (argv, fragment) => {
    const out = capture();
    const err = capture();
    expect(await runEmulatorCli(argv, { stdout: out.stream, stderr: err.stream })).toBe(2);
    expect(err.text()).toContain(fragment);
    expect(err.text().trim().split('\n')).toHaveLength(1);
    expect(out.text()).toBe('');
  });

  it('exits 2 naming the file, project, item and field for an invalid data file', async () => {
    const data = fixtureData();
    delete (data.projects[projectA]!.checkpoint_items[4] as { id?: string }).id;
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(data));
    const err = capture();
    expect(await runEmulatorCli(['--data', file], { stderr: err.stream, stdout: new PassThrough() })).toBe(2);
    expect(err.text()).toBe(
      `csbs-emulator: file ${file}, project proj-a, checkpoint_items[4], field id: required: a non-empty string\n`,
    );
  });

  it('prints help', async () => {
    const out = capture();
    expect(await runEmulatorCli(['--help'], { stdout: out.stream })).toBe(0);
    expect(out.text()).toContain('--fault-statuses');
  });

  it('serves generated data, prints its URL first and the demo credentials, and stops', async () => {
    const cli = await startCli(['--generate', '50', '--seed', '2', '--fault-seed', '1']);
    expect(cli.out.text().split('\n')[0]).toMatch(/^csbs-emulator listening on http:\/\/127\.0\.0\.1:\d+$/);
    expect(cli.out.text()).toContain(demo.token);
    expect(cli.out.text()).toContain(demo.secretKey);
    const res = await get(`${cli.url}/v1/${demo.projectId}/checkpoint_items/count`, demo.token);
    expect(res.body).toEqual({ count: 50 });
    cli.stop();
    expect(await cli.exit).toBe(0);
    await expect(get(`${cli.url}/__emulator/health`)).rejects.toThrow();
  });

  it('serves a data file with faults from flags', async () => {
    const file = join(dir, 'ok.json');
    writeFileSync(file, JSON.stringify(fixtureData()));
    const cli = await startCli([
      '--data',
      file,
      '--fault-rate',
      '1',
      '--fault-statuses',
      '429',
      '--retry-after',
      '3',
      '--no-strict',
    ]);
    const res = await get(`${cli.url}/v1/${projectA}/checkpoint_items`, tokens.a);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('3');
    expect(cli.out.text()).not.toContain('demo credentials');
    cli.stop();
    expect(await cli.exit).toBe(0);
  });
});

describe('csbs-emulator bin', () => {
  it('stops cleanly on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, '../src/bin/csbs-emulator.ts'), '--generate', '10'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (c) => {
      out += String(c);
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const url = /listening on (http:\/\/\S+)/.exec(await firstLine(child.stdout, () => out))?.[1];
    expect(url).toBeDefined();
    expect((await get(`${url}/__emulator/health`)).status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
