import { describe, expect, it } from 'vitest';
import type { LoggedRequest } from '../types.js';
import { RequestLog } from './request-log.js';

const entry = (n: number): LoggedRequest => ({
  method: 'GET',
  path: `/p${n}`,
  query: '',
  status: 200,
  requestId: String(n),
  headers: {},
  durationMs: 1,
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
    log.add(entry(1));
    log.entries()[0]!.path = '/changed';
    expect(log.entries()[0]!.path).toBe('/p1');
  });
});
