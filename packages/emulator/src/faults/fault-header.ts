import { faultStatuses } from './fault-options.js';

/** The faults one request asks for with `X-Emulator-Fault`. */
export interface RequestedFault {
  status?: number;
  latencyMs?: number;
  cut?: boolean;
}

/**
 * Reads `X-Emulator-Fault: status=503; latency=200; cut`. Returns the reason when the header
 * cannot be read, so the caller answers a 400 rather than ignoring a typo.
 */
export function parseFaultHeader(value: string): RequestedFault | { error: string } {
  const fault: RequestedFault = {};
  for (const raw of value.split(';')) {
    const part = raw.trim();
    if (part === '') continue;
    if (part === 'cut') {
      fault.cut = true;
      continue;
    }
    const [name, text = ''] = part.split('=', 2).map((s) => s.trim());
    const n = /^[0-9]+$/.test(text) ? Number(text) : Number.NaN;
    if (name === 'status') {
      if (!(faultStatuses as readonly number[]).includes(n) && !(n >= 400 && n <= 599)) {
        return { error: `status must be an HTTP error status (400..599), got "${text}"` };
      }
      fault.status = n;
    } else if (name === 'latency') {
      if (!Number.isSafeInteger(n) || n > 600_000)
        return { error: `latency must be 0..600000 ms, got "${text}"` };
      fault.latencyMs = n;
    } else {
      return { error: `unknown fault "${part}" (expected status=N, latency=MS or cut)` };
    }
  }
  return fault;
}
