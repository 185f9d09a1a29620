import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateEmulatorData } from '../src/index.js';
import { mb, median, startServer, stop } from './harness.js';

/**
 * Section 1 of `bench/run.ts`: `--data FILE` load against `JSON.parse` of the same file, one
 * cold process per sample (as `--data FILE` starts), parse and load in alternating order.
 */
export async function loadSection(dir: string, dataCount: number, loadSamples: number): Promise<void> {
  const file = join(dir, 'data.json');
  writeFileSync(file, JSON.stringify(generateEmulatorData({ count: dataCount, seed: 2, projects: 1 })));
  const loads: number[] = [];
  const parses: number[] = [];
  const ratios: number[] = [];
  const cpuRatios: number[] = [];
  let rss = 0;
  for (let i = 0; i < loadSamples; i++) {
    const server = await startServer(['data', file, i % 2 === 0 ? 'parse-first' : 'load-first']);
    const {
      loadMs = 0,
      parseMs = 1,
      loadThreadCpuMs = 0,
      parseCpuMs = 1,
      rssMb = 0,
    } = server.info as Record<string, number>;
    loads.push(loadMs);
    parses.push(parseMs);
    ratios.push(loadMs / parseMs);
    cpuRatios.push(loadThreadCpuMs / parseCpuMs);
    rss = Math.max(rss, rssMb);
    await stop(server);
  }
  const seconds = (xs: number[]) => xs.map((x) => (x / 1000).toFixed(2)).join(' ');
  console.log(
    `--data of ${dataCount} backups, ${loadSamples} processes: load median ${(median(loads) / 1000).toFixed(2)} s ` +
      `(${seconds(loads)}), JSON.parse of the same file median ${(median(parses) / 1000).toFixed(2)} s ` +
      `(${seconds(parses)}): ${median(ratios).toFixed(2)}x JSON.parse (median of the per-process ratios; goal <= 2x); ` +
      `main-thread CPU ${median(cpuRatios).toFixed(2)}x (${cpuRatios.map((r) => r.toFixed(2)).join(' ')}), RSS up to ${mb(rss)}`,
  );
}
