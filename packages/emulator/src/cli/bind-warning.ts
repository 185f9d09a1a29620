import { isIP } from 'node:net';

/** Whether `host` only ever listens on this machine: `localhost`, 127.0.0.0/8 or `::1`. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (bare === 'localhost' || bare.endsWith('.localhost')) return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) === 6) return bare === '::1' || /^::ffff:127\./.test(bare) || bare === '0:0:0:0:0:0:0:1';
  return false;
}

/**
 * The warning for a bind beyond loopback, or `undefined`. The `/__emulator/` endpoints
 * need no credentials (they load data, set faults and read the request log), so anyone who
 * can reach the address can drive the emulator.
 */
export function bindWarning(host: string): string | undefined {
  if (isLoopbackHost(host)) return undefined;
  return `csbs-emulator: warning: listening on ${host}, beyond loopback, with the /__emulator/ control endpoints open: anyone who can reach it can load data, set faults and read the request log`;
}
