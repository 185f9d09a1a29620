import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small forwarding proxy on 127.0.0.1 in front of an emulator. Requests to one
 * project's listing after its first page (they carry a `marker`) get the emulator's
 * `X-Emulator-Fault` header added, so that project fails mid-walk while every other
 * request passes untouched — all over real sockets, the CLI none the wiser.
 */
export async function startFaultProxy(
  target: string,
  failing: { projectId: string; fault: string },
): Promise<{ url: string; faulted: () => number } & AsyncDisposable> {
  const upstream = new URL(target);
  let faulted = 0;
  const server: Server = createServer((req, res) => {
    const headers = { ...req.headers };
    const path = req.url ?? '/';
    if (path.includes(`/v1/${failing.projectId}/`) && path.includes('marker=')) {
      headers['x-emulator-fault'] = failing.fault;
      faulted += 1;
    }
    const forward = request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path, headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    faulted: () => faulted,
    async [Symbol.asyncDispose]() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
