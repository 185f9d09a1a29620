import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateEmulatorState } from './data/generated-state.js';
import { loadEmulatorStateFile } from './data/load-data-file.js';
import { validateEmulatorData } from './data/validate-data.js';
import { demoCredentials } from './demo-credentials.js';
import { EmulatorCore } from './emulator-core.js';
import { errorCodes } from './error-codes.js';
import { EmulatorOptionsError } from './errors.js';
import { createRequestHandler } from './http/request-handler.js';
import { defaultRegion } from './iam/catalog.js';
import type { EmulatorState } from './store/emulator-state.js';
import type { EmulatorData, EmulatorOptions, RunningEmulator } from './types.js';

const defaults = {
  host: '127.0.0.1',
  port: 0,
  maxBodyBytes: 1024 * 1024,
  maxDataBodyBytes: 512 * 1024 * 1024,
  tokenTtlSeconds: 86_400,
  region: defaultRegion,
  requestLogSize: 1000,
};

function initialData(options: EmulatorOptions): { data: EmulatorData | EmulatorState; generated: boolean } {
  const sources = [options.data, options.dataFile, options.generate].filter((s) => s !== undefined);
  if (sources.length > 1) throw new EmulatorOptionsError('give at most one of data, dataFile and generate');
  if (options.generate) return { data: generateEmulatorState(options.generate), generated: true };
  if (options.dataFile !== undefined)
    return { data: loadEmulatorStateFile(options.dataFile), generated: false };
  if (options.data !== undefined) return { data: validateEmulatorData(options.data), generated: false };
  return { data: { projects: {} }, generated: false };
}

function positiveInteger(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 0)
    throw new EmulatorOptionsError(`${name} must be a whole number ≥ 0`);
  return value;
}

function checkRegion(region: string): string {
  if (typeof region !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(region)) {
    throw new EmulatorOptionsError('region must look like eu-de (lower-case letters, digits and "-")');
  }
  return region;
}

/**
 * Starts an emulator on `host:port` (a free port by default) and resolves once it listens.
 * Invalid data rejects before anything listens. Close it with `close()` or `await using`.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const { data, generated } = initialData(options);
  const core = new EmulatorCore(
    data,
    {
      strict: options.strict ?? true,
      now: options.now ?? (() => new Date()),
      maxBodyBytes: positiveInteger('maxBodyBytes', options.maxBodyBytes, defaults.maxBodyBytes),
      maxDataBodyBytes: positiveInteger(
        'maxDataBodyBytes',
        options.maxDataBodyBytes,
        defaults.maxDataBodyBytes,
      ),
      tokenTtlSeconds: positiveInteger('tokenTtlSeconds', options.tokenTtlSeconds, defaults.tokenTtlSeconds),
      requestLogSize: positiveInteger('requestLogSize', options.requestLogSize, defaults.requestLogSize),
      region: checkRegion(options.region ?? defaults.region),
    },
    options.faults,
  );
  const shutdown = new AbortController();
  const server = createServer(
    { keepAlive: true, keepAliveTimeout: 65_000 },
    createRequestHandler(core, shutdown.signal),
  );
  // Requests that are not HTTP at all still get a JSON answer, then the connection closes.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy();
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
    const requestId = randomUUID();
    const body = JSON.stringify({
      error_code: errorCodes.invalidParameter,
      error_msg: 'malformed HTTP request',
    });
    socket.end(
      `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `X-Request-Id: ${requestId}\r\nX-Openstack-Request-Id: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
  const host = options.host ?? defaults.host;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(positiveInteger('port', options.port, defaults.port), host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
      // Requests waiting on injected latency would keep the process alive until it ends.
      shutdown.abort();
    });
    return closing;
  };
  return {
    url: `http://${urlHost}:${port}`,
    port,
    demo: generated ? demoCredentials : undefined,
    close,
    reset: () => core.reset(),
    load: (next) => core.load(next),
    setFaults: (faults) => core.setFaults(faults),
    requestLog: () => core.log.entries(),
    [Symbol.asyncDispose]: close,
  };
}
