// A server for bench/run.ts, in its own process so that the load generator does not share
// its event loop: `emulator COUNT` (generated data) or `ceiling BODY_FILE` (a bare node:http
// server answering a canned body). Prints one JSON line with its URL and figures.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startEmulator } from '../src/index.js';

const [mode, arg] = process.argv.slice(2);

if (mode === 'emulator') {
  const started = performance.now();
  const emulator = await startEmulator({
    generate: { count: Number(arg), seed: 1, projects: 1 },
    requestLogSize: 1000,
  });
  const loadMs = performance.now() - started;
  globalThis.gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  console.log(
    JSON.stringify({ url: emulator.url, loadMs, rssMb: rss / 2 ** 20, heapMb: heapUsed / 2 ** 20 }),
  );
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
  server.on('listening', () => {});
} else {
  console.error('usage: server.ts emulator COUNT | ceiling BODY_FILE');
  process.exit(2);
}
