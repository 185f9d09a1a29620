import { describe, expect, it } from 'vitest';
import { parseFaultHeader } from './fault-header.js';

describe('parseFaultHeader', () => {
  it.each([
    ['status=503', { status: 503 }],
    ['latency=200', { latencyMs: 200 }],
    ['cut', { cut: true }],
    [' status=429 ; latency=5;cut ', { status: 429, latencyMs: 5, cut: true }],
    ['', {}],
  ])('reads %j', (header, expected) => {
    expect(parseFaultHeader(header)).toEqual(expected);
  });

  it.each(['status=200', 'status=', 'latency=1e3', 'latency=700000', 'boom', 'cut=1'])(
    'refuses %j',
    (header) => {
      expect(parseFaultHeader(header)).toHaveProperty('error');
    },
  );
});
