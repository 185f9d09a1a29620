import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../src/index.js';
import { fixtureData, projectA, tokens } from './fixture.js';

let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator({ data: fixtureData() });
});
afterAll(() => emu.close());

/** One request on its own connection (closed by the server); the answer's head, as sent. */
function rawHead(lines: string[]): Promise<string> {
  const { hostname, port } = new URL(emu.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () =>
      socket.write(`${[...lines, 'Connection: close'].join('\r\n')}\r\n\r\n`),
    );
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (c) => {
      text += c;
    });
    socket.on('end', () => resolve(text.slice(0, text.indexOf('\r\n\r\n'))));
    socket.on('error', reject);
  });
}

/** The head with its varying values (ids, date, length) replaced by their shape. */
const shapeOf = (head: string) =>
  head
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'ID')
    .replace(/Date: .*/, 'Date: D')
    .replace(/Content-Length: \d+/, 'Content-Length: N');

describe('response headers', () => {
  it('are the request id twice (one id), the answer own headers, then type and length, in that order', async () => {
    const listing = await rawHead([
      `GET /v1/${projectA}/checkpoint_items?limit=2 HTTP/1.1`,
      'Host: x',
      `X-Auth-Token: ${tokens.a}`,
    ]);
    const ids = listing.match(/Request-Id: (\S+)/g)!;
    expect(new Set(ids.map((line) => line.split(' ')[1])).size).toBe(1);
    expect(shapeOf(listing)).toBe(
      [
        'HTTP/1.1 200 OK',
        'X-Request-Id: ID',
        'X-Openstack-Request-Id: ID',
        'Content-Type: application/json',
        'Content-Length: N',
        'Date: D',
        'Connection: close',
      ].join('\r\n'),
    );
    const wrongMethod = await rawHead([`DELETE /v1/${projectA}/checkpoint_items HTTP/1.1`, 'Host: x']);
    expect(shapeOf(wrongMethod)).toBe(
      [
        'HTTP/1.1 405 Method Not Allowed',
        'X-Request-Id: ID',
        'X-Openstack-Request-Id: ID',
        'Allow: GET',
        'Content-Type: application/json',
        'Content-Length: N',
        'Date: D',
        'Connection: close',
      ].join('\r\n'),
    );
  });
});
