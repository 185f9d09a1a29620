// Runs the emulator in its own thread, so the server's JSON encoding uses the second core
// and does not share an event loop with the client being measured.
import { parentPort, workerData } from 'node:worker_threads';
import { startEmulator } from '@csbs-kit/emulator';

const { count, seed } = workerData as { count: number; seed: number };
const emulator = await startEmulator({ generate: { count, seed, projects: 1 } });
parentPort?.postMessage({ url: emulator.url, demo: emulator.demo });
parentPort?.on('message', async (message) => {
  if (message === 'close') {
    await emulator.close();
    parentPort?.close();
  }
});
