import { describe, expect, it } from 'vitest';
import { logRecordOf, type ReceivedRequest } from './logged-request.js';

const received = (body: Buffer, json?: unknown): ReceivedRequest => ({
  method: 'POST',
  path: '/p',
  query: '',
  status: 200,
  requestId: '1',
  headers: {},
  durationMs: 1,
  body,
  json,
  fault: undefined,
});

describe('logRecordOf', () => {
  it('keeps the parse, not the bytes, so the log holds no slice of a shared buffer', () => {
    const slab = Buffer.alloc(8192, 0x20);
    const body = slab.subarray(100, 400);
    body.write('{"action":"filter"}');
    const record = logRecordOf(received(body));
    expect(record.body).toEqual({ action: 'filter' });
    expect(Object.values(record).some((value) => Buffer.isBuffer(value))).toBe(false);
  });

  it("keeps answering's parse itself when it holds no secret, and a redacted copy when it does", () => {
    const plain = { action: 'filter', tags: [{ key: 'password', values: ['x'] }] };
    expect(logRecordOf(received(Buffer.from(JSON.stringify(plain)), plain)).body).toBe(plain);
    const secret = { action: 'filter', token: 't' };
    const kept = logRecordOf(received(Buffer.from(JSON.stringify(secret)), secret)).body;
    expect(kept).toEqual({ action: 'filter', token: '[REDACTED]' });
    expect(secret.token).toBe('t');
  });

  it('logs no body past the logged size, none that is not JSON, and none when there was none', () => {
    const large = Buffer.from(`{"a":"${'x'.repeat(64 * 1024)}"}`);
    expect(logRecordOf(received(large)).body).toBeUndefined();
    expect(logRecordOf(received(Buffer.from('not json'))).body).toBeUndefined();
    expect(logRecordOf(received(Buffer.alloc(0))).body).toBeUndefined();
  });
});
