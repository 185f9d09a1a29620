import { afterEach } from 'vitest';
import { CsbsClient, type CsbsClientOptions } from '../../src/index.js';
import { startServer, type TestServer } from './http-server.js';

export const token = 'TOKEN-SECRET-abc123';
export const item = (id: string) => ({ id, name: `backup ${id}`, status: 'available' });

/** Registered closers, run after each test of the file that calls `useCleanups()`. */
export function useCleanups(): Array<() => Promise<void>> {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    while (cleanups.length > 0) await cleanups.pop()!();
  });
  return cleanups;
}

export function fixtures(cleanups: Array<() => Promise<void>>) {
  return {
    async serve(handler: Parameters<typeof startServer>[0]): Promise<TestServer> {
      const server = await startServer(handler);
      cleanups.push(() => server.close());
      return server;
    },
    /** A token client of `server` with fast retries. */
    client(server: TestServer, options: Partial<CsbsClientOptions> = {}): CsbsClient {
      const c = new CsbsClient({
        projectId: 'proj-1',
        endpoint: server.url,
        credentials: { token },
        retry: { baseDelayMs: 1, maxDelayMs: 5 },
        ...options,
      });
      cleanups.push(() => c.close());
      return c;
    },
  };
}
