// Loads a data file once and prints the time (for a CPU profile of the load alone):
//   node --cpu-prof --import tsx bench/load-once.ts FILE [COUNT to write FILE first]
import { writeFileSync } from 'node:fs';
import { generateEmulatorData, startEmulator } from '../src/index.js';

const [file = '', count] = process.argv.slice(2);
if (count)
  writeFileSync(file, JSON.stringify(generateEmulatorData({ count: Number(count), seed: 2, projects: 1 })));
const cpu = process.threadCpuUsage();
const started = performance.now();
const emulator = await startEmulator({ dataFile: file, requestLogSize: 1000 });
const used = process.threadCpuUsage(cpu);
console.log(
  `load ${(performance.now() - started).toFixed(0)} ms wall, ${((used.user + used.system) / 1000).toFixed(0)} ms main-thread CPU`,
);
await emulator.close();
