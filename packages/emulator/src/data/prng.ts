import { uuidFrom, writeUuid } from './flat-strings.js';

/** mulberry32: a tiny, fast, seedable PRNG; the same seed gives the same sequence. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Random {
  next(): number;
  int(maxExclusive: number): number;
  pick<T>(values: readonly T[]): T;
  chance(p: number): boolean;
  uuid(): string;
  /** `uuid()`'s draws and text, written as 36 bytes into `target` from `at`. */
  uuidInto(target: Uint8Array, at: number): void;
}

export function createRandom(seed: number): Random {
  const next = mulberry32(seed);
  const int = (max: number) => Math.floor(next() * max);
  return {
    next,
    int,
    pick: <T>(values: readonly T[]) => values[int(values.length)] as T,
    chance: (p: number) => next() < p,
    uuid: () => uuidFrom(next),
    uuidInto: (target: Uint8Array, at: number) => writeUuid(target, at, next),
  };
}
