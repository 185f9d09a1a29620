import { isSecretHeaderName } from '@csbs-kit/models/errors';

/** What `onRequest` sees: never a secret, whatever the credentials. */
export interface RequestSummary {
  method: string;
  url: string;
  /** From 1; a retry or a repeat after a token renewal counts as a new attempt. */
  attempt: number;
  /** Header names as sent; credentials replaced by `'***'`. */
  headers: Record<string, string>;
}

export interface ResponseSummary {
  method: string;
  url: string;
  attempt: number;
  status: number;
  requestId: string | undefined;
  durationMs: number;
}

export interface RetrySummary {
  method: string;
  url: string;
  /** The attempt that failed. */
  attempt: number;
  /** The wait before the next attempt. */
  delayMs: number;
  /** `status 503`, `ECONNRESET`, `attempt timeout`, `token renewal`, … */
  reason: string;
  status?: number;
}

export interface Hooks {
  onRequest?(summary: RequestSummary): void;
  onResponse?(summary: ResponseSummary): void;
  onRetry?(summary: RetrySummary): void;
}

export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name] = isSecretHeaderName(name) ? '***' : value;
  }
  return out;
}

type HookSummary<K extends keyof Hooks> = Parameters<NonNullable<Hooks[K]>>[0];

/** Calls a hook as a method of `hooks`; a hook that throws must not break or change the request. */
export function callHook<K extends keyof Hooks>(hooks: Hooks, name: K, summary: HookSummary<K>): void {
  try {
    (hooks[name] as ((this: Hooks, s: HookSummary<K>) => void) | undefined)?.call(hooks, summary);
  } catch {
    // Deliberately ignored: hooks observe, they do not steer.
  }
}
