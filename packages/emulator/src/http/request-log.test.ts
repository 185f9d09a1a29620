import { describe, expect, it } from 'vitest';
import type { LogRecord } from './logged-request.js';
import { RequestLog } from './request-log.js';

const entry = (n: number, more: Partial<LogRecord> = {}): LogRecord => ({
  method: 'GET',
  path: `/p${n}`,
  query: '',
  status: 200,
  requestId: String(n),
  headers: {},
  durationMs: 1,
  body: Buffer.alloc(0),
  json: undefined,
  fault: undefined,
  ...more,
});

describe('RequestLog', () => {
  it('keeps the last entries, oldest first', () => {
    const log = new RequestLog(3);
    for (let i = 1; i <= 5; i++) log.add(entry(i));
    expect(log.entries().map((e) => e.requestId)).toEqual(['3', '4', '5']);
    log.clear();
    expect(log.entries()).toEqual([]);
    log.add(entry(9));
    expect(log.entries().map((e) => e.requestId)).toEqual(['9']);
  });

  it('hands out copies', () => {
    const log = new RequestLog(2);
    const json = { tags: [{ key: 'env', values: ['prod'] }] };
    log.add(entry(1, { headers: { accept: 'a' }, body: Buffer.from(JSON.stringify(json)), json }));
    const first = log.entries()[0]!;
    first.path = '/changed';
    first.headers.accept = 'b';
    (first.body as typeof json).tags[0]!.values.push('dev');
    expect(log.entries()[0]).toMatchObject({ path: '/p1', headers: { accept: 'a' }, body: json });
    expect(json.tags[0]!.values).toEqual(['prod']);
  });

  it('redacts secrets when read, and shows entries in the fields and order the log always had', () => {
    const log = new RequestLog(4);
    const auth = { auth: { identity: { password: { user: { name: 'n', password: 'p' } } } } };
    log.add(
      entry(1, {
        method: 'POST',
        headers: { 'x-auth-token': 't', 'x-many': ['a', 'b'], 'content-length': undefined },
        body: Buffer.from(JSON.stringify(auth)),
        fault: 'status=503',
      }),
    );
    // Parsed by answering: the log uses that parse, not the bytes.
    log.add(entry(2, { body: Buffer.from('{"x":1}'), json: { token: 's' } }));
    log.add(entry(3, { body: Buffer.from('not json') }));
    const [first, second, third] = log.entries();
    expect(JSON.stringify(first)).toBe(
      JSON.stringify({
        method: 'POST',
        path: '/p1',
        query: '',
        status: 200,
        requestId: '1',
        headers: { 'x-auth-token': '[REDACTED]', 'x-many': 'a, b' },
        durationMs: 1,
        body: { auth: { identity: { password: { user: { name: 'n', password: '[REDACTED]' } } } } },
        fault: 'status=503',
      }),
    );
    expect(second!.body).toEqual({ token: '[REDACTED]' });
    expect(third).not.toHaveProperty('body');
  });
});
