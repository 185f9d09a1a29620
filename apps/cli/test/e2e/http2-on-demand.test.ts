import { execFileSync, spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { createSecureServer, type Http2SecureServer } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type RunningEmulator, startEmulator } from '@csbs-kit/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ndjson, runCsbs, tempDir, tokenEnv } from '../helpers/run-csbs.js';

/*
 * The bundle loads undici's HTTP/2 client (and node:http2, node:tls) only on the first
 * connection that negotiates h2 (build/undici-client-h2-lazy.cjs): a plain http:// command
 * never loads it, and an HTTPS endpoint that speaks only h2 still works.
 */

const hasOpenssl = spawnSync('openssl', ['version']).status === 0;

let emulator: RunningEmulator;
let h2: Http2SecureServer | undefined;
let h2Url = '';
let caFile = '';
let dir = '';
const protocols: string[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ host: '127.0.0.1', port: 0, generate: { count: 50, seed: 8 } });
  dir = await tempDir();
  if (!hasOpenssl) return;
  const key = join(dir, 'key.pem');
  caFile = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      key,
      '-out',
      caFile,
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  // An h2-only front for the emulator: ALPN can only choose h2.
  h2 = createSecureServer({ key: await readFile(key), cert: await readFile(caFile), allowHTTP1: false });
  h2.on('stream', async (stream, headers) => {
    protocols.push(stream.session?.alpnProtocol ?? 'none');
    const answer = await fetch(`${emulator.url}${headers[':path']}`, {
      headers: { 'x-auth-token': String(headers['x-auth-token'] ?? '') },
    });
    stream.respond({ ':status': answer.status, 'content-type': 'application/json' });
    stream.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((resolve) => h2!.listen(0, '127.0.0.1', resolve));
  h2Url = `https://127.0.0.1:${(h2.address() as AddressInfo).port}`;
});

afterAll(async () => {
  if (h2) await new Promise((resolve) => h2!.close(resolve));
  await emulator.close();
});

describe('HTTP/2 on demand', () => {
  it('a command against an http:// endpoint never loads node:http2 or node:tls', async () => {
    const hook = join(dir, 'modules.cjs');
    const list = join(dir, 'modules.json');
    await writeFile(
      hook,
      `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(list)}, JSON.stringify(process.moduleLoadList)));\n`,
    );
    const result = await runCsbs(['backups', 'list', '--max', '3', '-o', 'ndjson'], {
      env: { ...tokenEnv(emulator.url), NODE_OPTIONS: `--require ${hook}` },
    });
    expect(result.code).toBe(0);
    expect(ndjson(result.stdout)).toHaveLength(3);
    const loaded = JSON.parse(await readFile(list, 'utf8')) as string[];
    expect(loaded).toContain('NativeModule net');
    expect(loaded.filter((m) => /\b(http2|tls)\b/.test(m))).toEqual([]);
  });

  it.skipIf(!hasOpenssl)('an HTTPS endpoint that speaks only h2 still answers every page', async () => {
    const before = protocols.length;
    const result = await runCsbs(['backups', 'list', '--all', '--page-size', '20', '-o', 'ndjson'], {
      env: { ...tokenEnv(h2Url), NODE_EXTRA_CA_CERTS: caFile },
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(ndjson(result.stdout)).toHaveLength(50);
    // Three pages of 20 (the last one short), each an h2 stream.
    expect(protocols.slice(before)).toEqual(['h2', 'h2', 'h2']);
  });
});
