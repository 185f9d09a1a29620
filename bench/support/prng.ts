/*
 * Dev-only support for the benchmarks (never published): what several packages' benches
 * share. The emulator keeps its own copy in src/data/prng.ts, because its generator ships.
 */

/** mulberry32: a tiny seeded PRNG, so every run measures the same bytes. */
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
