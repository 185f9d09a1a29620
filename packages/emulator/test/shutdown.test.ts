import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { demoCredentials as demo } from '../src/demo-credentials.js';
import { get } from './http.js';

/** The bin in a child process; resolves with its URL once the first line is out. */
async function startBin() {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, '../src/bin/csbs-emulator.ts'), '--generate', '10'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  // A failing run must not leave a process waiting out its ten minutes of latency.
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      out += c;
      const match = /listening on (http:\/\/\S+)\n/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.on('exit', () => reject(new Error(`exited before listening: ${out}`)));
  });
  return { child, url, exited };
}

describe('stopping while a request waits on injected latency', () => {
  // The latency is ten minutes; the test's own timeout (10 s) is the bound on the exit.
  it.each(['SIGINT', 'SIGTERM'] as const)(
    '%s ends the process at once, with exit 0',
    { timeout: 10_000 },
    async (signal) => {
      const { child, url, exited } = await startBin();
      const { hostname, port } = new URL(url);
      const waiting = new Promise<string>((resolve) => {
        const req = request({
          host: hostname,
          port,
          path: `/v1/${demo.projectId}/checkpoint_items`,
          headers: { 'X-Emulator-Fault': 'latency=600000', 'X-Auth-Token': demo.token },
        });
        req.on('response', (res) => resolve(`status ${res.statusCode}`));
        req.on('error', (error) => resolve(error.message));
        req.end();
      });
      // A request on a later connection answered means the slow one has been read and is waiting.
      expect((await get(`${url}/__emulator/health`)).status).toBe(200);
      child.kill(signal);
      expect(await exited).toBe(0);
      expect(await waiting).toMatch(/socket hang up|ECONNRESET|status 5\d\d/);
    },
  );
});
