// A server for bench/run.ts, in its own process so that the load generator does not share
// its event loop or its heap:
//   emulator COUNT     generated data (`--generate COUNT`, one project)
//   data FILE [ORDER]  a data file (`--data FILE`); also times JSON.parse of the same file,
//                      before the load or, when ORDER is `load-first`, after it
//   ceiling BODY_FILE  a bare node:http server answering a canned body
// Prints one JSON line with its URL and load figures, then answers IPC messages:
// 'stats' → { cpuMs, rssMb, heapMb } (after a full collection when 'gc' is asked first);
// { profile: 'start' } and { profile: 'stop', file } → { profiled } (a CPU profile of a window).
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Session } from 'node:inspector/promises';
import type { AddressInfo } from 'node:net';
import { startEmulator } from '../src/index.js';

const [mode, arg, order] = process.argv.slice(2);

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

/** CPU time of the main thread (not the collector's helper threads), in milliseconds. */
function threadCpuMs(): number {
  const { user, system } = process.threadCpuUsage();
  return (user + system) / 1000;
}

/** The profiler of `{ profile: 'start' }` … `{ profile: 'stop', file }` (a window of the run, unlike `--cpu-prof`). */
let profiling: Session | undefined;

process.on('message', async (message) => {
  if (typeof message === 'object' && message !== null && 'profile' in message) {
    const { profile, file } = message as { profile: 'start' | 'stop'; file?: string };
    if (profile === 'start') {
      profiling = new Session();
      profiling.connect();
      await profiling.post('Profiler.enable');
      await profiling.post('Profiler.start');
    } else if (profiling !== undefined) {
      const { profile: taken } = await profiling.post('Profiler.stop');
      writeFileSync(file ?? 'run.cpuprofile', JSON.stringify(taken));
      profiling.disconnect();
      profiling = undefined;
    }
    process.send?.({ profiled: profile });
    return;
  }
  if (message === 'gc') globalThis.gc?.();
  process.send?.({ stats: stats() });
});

if (mode === 'emulator' || mode === 'data') {
  const options =
    mode === 'emulator'
      ? { generate: { count: Number(arg), seed: 1, projects: 1 }, requestLogSize: 1000 }
      : { dataFile: arg ?? '', requestLogSize: 1000 };
  const timeLoad = async () => {
    const cpu = threadCpuMs();
    const started = performance.now();
    const loaded = await startEmulator(options);
    return { loaded, ms: performance.now() - started, cpuMs: threadCpuMs() - cpu };
  };
  const info: Record<string, number> = {};
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  if (mode === 'data') {
    // The baseline: JSON.parse of the same file in the same process, before the load or
    // after it (`order`, alternated by bench/run.ts across processes, each a cold start as
    // `--data FILE` is: a second load in one process would run on warmed-up code).
    // Wall time and this thread's CPU time of each: with other work on the machine's two
    // cores the wall time also counts the turns of other processes, the CPU time does not.
    const parse = () => {
      const cpu = threadCpuMs();
      const started = performance.now();
      JSON.parse(readFileSync(arg ?? '', 'utf8'));
      info.parseMs = performance.now() - started;
      info.parseCpuMs = threadCpuMs() - cpu;
      globalThis.gc?.();
    };
    if (order !== 'load-first') parse();
    const { loaded, ms, cpuMs } = await timeLoad();
    emulator = loaded;
    info.loadMs = ms;
    info.loadThreadCpuMs = cpuMs;
    if (order === 'load-first') {
      globalThis.gc?.();
      parse();
    }
  } else {
    const { loaded, ms } = await timeLoad();
    emulator = loaded;
    info.loadMs = ms;
    // CPU time of the whole process so far: on a shared machine, wall time also counts the
    // other processes' turns on the cores.
    info.loadCpuMs = stats().cpuMs ?? 0;
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
