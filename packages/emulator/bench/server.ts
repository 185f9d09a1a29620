// A server for bench/run.ts, in its own process so that the load generator does not share
// its event loop or its heap:
//   emulator COUNT     generated data (`--generate COUNT`, one project)
//   data FILE          a data file (`--data FILE`); also times JSON.parse of the same file
//   ceiling BODY_FILE  a bare node:http server answering a canned body
// Prints one JSON line with its URL and load figures, then answers IPC messages:
// 'stats' → { cpuMs, rssMb, heapMb } (after a full collection when 'gc' is asked first).
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startEmulator } from '../src/index.js';

const [mode, arg] = process.argv.slice(2);

function stats(): Record<string, number> {
  const { user, system } = process.cpuUsage();
  const { rss, heapUsed, arrayBuffers } = process.memoryUsage();
  return {
    cpuMs: (user + system) / 1000,
    rssMb: rss / 2 ** 20,
    heapMb: heapUsed / 2 ** 20,
    arrayBuffersMb: arrayBuffers / 2 ** 20,
  };
}

process.on('message', (message) => {
  if (message === 'gc') globalThis.gc?.();
  process.send?.({ stats: stats() });
});

const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

if (mode === 'emulator' || mode === 'data') {
  const options =
    mode === 'emulator'
      ? { generate: { count: Number(arg), seed: 1, projects: 1 }, requestLogSize: 1000 }
      : { dataFile: arg ?? '', requestLogSize: 1000 };
  const timeLoad = async () => {
    const started = performance.now();
    const loaded = await startEmulator(options);
    return { loaded, ms: performance.now() - started };
  };
  const info: Record<string, number | number[]> = {};
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  if (mode === 'data') {
    // The baseline is JSON.parse of the same file in the same process. One sample of each
    // swings by ±20% on the shared machine, so both are taken LOAD_SAMPLES times,
    // interleaved with the order alternating, and the medians compared; each loaded emulator
    // is closed again (and collected) before the next sample.
    const samples = Math.max(1, Number(process.env.BENCH_LOAD_SAMPLES ?? 5));
    const parses: number[] = [];
    const loads: number[] = [];
    const ratios: number[] = [];
    const parse = () => {
      const started = performance.now();
      JSON.parse(readFileSync(arg ?? '', 'utf8'));
      parses.push(performance.now() - started);
      globalThis.gc?.();
    };
    const load = async () => {
      const { loaded, ms } = await timeLoad();
      loads.push(ms);
      await loaded.close();
      globalThis.gc?.();
    };
    for (let i = 0; i < samples; i++) {
      if (i % 2 === 0) {
        parse();
        await load();
      } else {
        await load();
        parse();
      }
      ratios.push(loads[i]! / parses[i]!);
    }
    // The emulator the other sections talk to, not timed.
    emulator = (await timeLoad()).loaded;
    Object.assign(info, {
      loadMs: median(loads),
      parseMs: median(parses),
      ratioMedian: median(ratios),
      loads,
      parses,
    });
  } else {
    const { loaded, ms } = await timeLoad();
    emulator = loaded;
    info.loadMs = ms;
    // CPU time of the whole process so far: on a shared machine, wall time also counts the
    // other processes' turns on the cores.
    info.loadCpuMs = stats().cpuMs;
  }
  globalThis.gc?.();
  console.log(JSON.stringify({ url: emulator.url, ...info, ...stats() }));
  process.once('SIGTERM', () => void emulator.close().then(() => process.exit(0)));
} else if (mode === 'ceiling') {
  const body = readFileSync(arg ?? '');
  const server = createServer({ keepAlive: true }, (req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, {
        'Content-Type': 'application/json',
        'Content-Length': body.length,
        'X-Request-Id': randomUUID(),
      });
      res.end(body);
    });
  });
  server.listen(0, '127.0.0.1', () => {
    console.log(JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
  });
  process.once('SIGTERM', () => server.close(() => process.exit(0)));
} else {
  console.error('usage: server.ts emulator COUNT | data FILE | ceiling BODY_FILE');
  process.exit(2);
}
