import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { MemoryStream } from '../test/helpers/memory-stream.js';
import { formatProgress, Progress } from './progress.js';

describe('formatProgress', () => {
  it('shows items, pages and rate without a total', () => {
    expect(formatProgress({ pages: 12, items: 12000, elapsedMs: 2000 })).toBe(
      '12,000 items · page 12 · 6,000/s',
    );
  });

  it('shows the share done when the total is known', () => {
    expect(formatProgress({ pages: 3, items: 3000, total: 12000, elapsedMs: 1000 })).toBe(
      '3,000/12,000 items (25%) · page 3 · 3,000/s',
    );
    expect(formatProgress({ pages: 0, items: 0, total: 0, elapsedMs: 0 })).toBe(
      '0/0 items (100%) · page 0 · 0/s',
    );
  });
});

describe('Progress', () => {
  it('draws nothing when disabled', () => {
    const stream = new MemoryStream(true);
    const progress = new Progress(stream, { enabled: false });
    progress.page(1000);
    progress.done();
    expect(stream.text).toBe('');
  });

  it('redraws in place at most once per interval and clears the line at the end', () => {
    const stream = new MemoryStream(true);
    let now = 0;
    const progress = new Progress(stream, { enabled: true, now: () => now, intervalMs: 100 });
    now = 50;
    progress.page(1000);
    now = 80;
    progress.page(1000);
    now = 200;
    progress.page(1000);
    progress.done();
    const frames = stream.text.split('\r\x1b[2K').filter(Boolean);
    expect(frames).toEqual(['1,000 items · page 1 · 20,000/s', '3,000 items · page 3 · 15,000/s']);
    expect(stream.text.endsWith('\r\x1b[2K')).toBe(true);
  });

  it('Ctrl-C while the line is drawn clears it, then exits 130; after done() Ctrl-C is left alone', () => {
    const signals = new EventEmitter();
    const exits: number[] = [];
    const interrupts = {
      once: (e: 'SIGINT', l: () => void) => signals.once(e, l),
      off: (e: 'SIGINT', l: () => void) => signals.off(e, l),
      exit: (code: number) => void exits.push(code),
    };
    const stream = new MemoryStream(true);
    const progress = new Progress(stream, { enabled: true, now: () => 0, intervalMs: 0, interrupts });
    expect(signals.listenerCount('SIGINT')).toBe(0);
    progress.page(10);
    progress.page(10);
    expect(signals.listenerCount('SIGINT')).toBe(1);
    signals.emit('SIGINT');
    expect(stream.text.endsWith('\r\x1b[2K')).toBe(true);
    expect(exits).toEqual([130]);

    const again = new Progress(new MemoryStream(true), {
      enabled: true,
      now: () => 0,
      intervalMs: 0,
      interrupts,
    });
    again.page(1);
    again.done();
    expect(signals.listenerCount('SIGINT')).toBe(0);
  });
});
