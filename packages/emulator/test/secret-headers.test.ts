import { request } from 'node:http';
import { secretHeaderNames } from '@csbs-kit/models/errors';
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../src/index.js';
import { fixtureData, tokens } from './fixture.js';

/** A GET over a real socket with exactly these headers (fetch would drop some of them). */
function getWith(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the request log and the shared secret names', () => {
  // Set-Cookie was hidden by the client's summaries and kept by the emulator's log before
  // both read @csbs-kit/models' list.
  it('hides every secret header of the shared list, Set-Cookie included', async () => {
    await using emu = await startEmulator({ data: fixtureData() });
    const headers: Record<string, string> = { 'X-Auth-Token': tokens.a, 'X-Sdk-Date': 'kept' };
    for (const name of secretHeaderNames) if (name !== 'x-auth-token') headers[name] = `secret-${name}`;
    expect(
      await getWith(`${emu.url}/v1/${encodeURIComponent('any')}/checkpoint_items`, headers),
    ).toBeGreaterThan(0);
    const [entry] = emu.requestLog().slice(-1);
    const logged = Object.fromEntries(
      Object.entries(entry?.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
    );
    for (const name of secretHeaderNames) expect(logged[name]).toBe('[REDACTED]');
    expect(logged['x-sdk-date']).toBe('kept');
    const text = JSON.stringify(emu.requestLog());
    expect(text).not.toContain('secret-');
    expect(text).not.toContain(tokens.a);
  });
});
