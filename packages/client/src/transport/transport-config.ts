import type { Dispatcher } from 'undici';
import { type CsbsClientOptions, defaultTimeoutMs, defaultTotalTimeoutMs } from '../client-options.js';
import type { TransportConfig } from './execute.js';
import { defaultRetryPolicy } from './retry-policy.js';

const clientAgent = `csbs-kit-client node/${process.versions.node}`;

/**
 * The transport settings of a client from its options, defaults filled in. The retries may
 * go on as long as the whole call may (`totalTimeoutMs`) unless `retry.maxElapsedMs` says less.
 */
export function transportConfigOf(options: CsbsClientOptions, dispatcher: Dispatcher): TransportConfig {
  const totalTimeoutMs = options.totalTimeoutMs ?? defaultTotalTimeoutMs;
  return {
    dispatcher,
    retry: {
      maxAttempts: options.retry?.maxAttempts ?? defaultRetryPolicy.maxAttempts,
      baseDelayMs: options.retry?.baseDelayMs ?? defaultRetryPolicy.baseDelayMs,
      maxDelayMs: options.retry?.maxDelayMs ?? defaultRetryPolicy.maxDelayMs,
      maxElapsedMs: options.retry?.maxElapsedMs ?? totalTimeoutMs,
    },
    timeoutMs: options.timeoutMs ?? defaultTimeoutMs,
    totalTimeoutMs,
    hooks: options.hooks ?? {},
    userAgent: options.userAgent === undefined ? clientAgent : `${options.userAgent} ${clientAgent}`,
  };
}
