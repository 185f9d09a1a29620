import { mulberry32 } from '../data/prng.js';
import type { FaultOptions } from '../types.js';

/** What to do to one request. */
export interface FaultDecision {
  latencyMs: number;
  status: number | undefined;
  cut: boolean;
}

export const noFault: FaultDecision = Object.freeze({ latencyMs: 0, status: undefined, cut: false });

/**
 * Draws the server-wide faults, one decision per API request. Every decision takes the same
 * number of draws, so the same seed and the same request order give the same faults.
 */
export class FaultInjector {
  readonly options: FaultOptions;
  readonly #random: () => number;

  constructor(options: FaultOptions) {
    this.options = options;
    this.#random = mulberry32(options.seed ?? 1);
  }

  get retryAfterSeconds(): number {
    return this.options.retryAfterSeconds ?? 1;
  }

  next(): FaultDecision {
    const [latencyDraw, statusDraw, statusPick, cutDraw] = [
      this.#random(),
      this.#random(),
      this.#random(),
      this.#random(),
    ];
    const { latencyMs = 0, statusRate = 0, statuses = [503], cutRate = 0 } = this.options;
    const latency =
      typeof latencyMs === 'number'
        ? latencyMs
        : latencyMs.min + Math.floor(latencyDraw * (latencyMs.max - latencyMs.min + 1));
    return {
      latencyMs: latency,
      status: statusDraw < statusRate ? statuses[Math.floor(statusPick * statuses.length)] : undefined,
      cut: cutDraw < cutRate,
    };
  }
}
