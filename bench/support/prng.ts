/*
 * Dev-only support for the benchmarks (never published): a seeded source of floats in
 * [0, 1), so every run measures the same bytes. It is fast-check's own generator
 * (pure-rand), so the benches carry no copy of the PRNG the emulator's generator ships.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

export function seededRandom(seed: number): () => number {
  const generator = xoroshiro128plus(seed);
  return () => (generator.next() >>> 0) / 4294967296;
}
