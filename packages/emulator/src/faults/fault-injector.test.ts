import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FaultInjector } from './fault-injector.js';

describe('FaultInjector', () => {
  it('draws the same faults for the same seed (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.double({ min: 0, max: 1, noNaN: true }), (seed, rate) => {
        const options = {
          seed,
          statusRate: rate,
          statuses: [429, 503],
          cutRate: rate / 2,
          latencyMs: { min: 1, max: 9 },
        };
        const a = new FaultInjector(options);
        const b = new FaultInjector(options);
        for (let i = 0; i < 20; i++) expect(a.next()).toEqual(b.next());
      }),
      { numRuns: 50 },
    );
  });

  it('stays within the latency range and never faults at rate 0', () => {
    const injector = new FaultInjector({ latencyMs: { min: 10, max: 12 } });
    for (let i = 0; i < 200; i++) {
      const d = injector.next();
      expect(d.latencyMs).toBeGreaterThanOrEqual(10);
      expect(d.latencyMs).toBeLessThanOrEqual(12);
      expect(d.status).toBeUndefined();
      expect(d.cut).toBe(false);
    }
  });

  it('answers every request with a fault at rate 1, from the default statuses', () => {
    const injector = new FaultInjector({ statusRate: 1 });
    for (let i = 0; i < 20; i++) expect(injector.next().status).toBe(503);
  });
});
