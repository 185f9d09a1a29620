import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { EmulatorCore } from '../emulator-core.js';
import { errorCodes } from '../error-codes.js';
import { EmulatorHttpError } from '../errors.js';
import { parseFaultHeader } from '../faults/fault-header.js';
import { type FaultDecision, noFault } from '../faults/fault-injector.js';
import { answerApi } from './api-routes.js';
import { answerControl } from './control-routes.js';
import { logRecordOf } from './logged-request.js';
import { bodyTooLarge, readBody } from './read-body.js';
import { sendError, sendJson } from './respond.js';
import { isControlRoute, matchRoute } from './router.js';

const safeHost = /^[A-Za-z0-9.\-:[\]]{1,255}$/;

const faultCodes: Record<number, string> = {
  429: errorCodes.throttled,
  502: errorCodes.badGateway,
  503: errorCodes.serviceUnavailable,
};

function faultError(status: number, retryAfterSeconds: number): EmulatorHttpError {
  const headers: Record<string, string> =
    status === 429 || status === 503 ? { 'Retry-After': String(retryAfterSeconds) } : {};
  return new EmulatorHttpError(
    status,
    faultCodes[status] ?? errorCodes.systemError,
    `fault injected by the emulator (status ${status})`,
    {
      headers,
    },
  );
}

function describeFault(f: FaultDecision): string | undefined {
  const parts: string[] = [];
  if (f.status !== undefined) parts.push(`status=${f.status}`);
  if (f.latencyMs > 0) parts.push(`latency=${f.latencyMs}`);
  if (f.cut) parts.push('cut');
  return parts.length > 0 ? parts.join('; ') : undefined;
}

/** Without Content-Length or Transfer-Encoding an HTTP/1.1 request has no body (RFC 9112 6.3). */
const hasBody = (req: IncomingMessage): boolean =>
  req.headers['content-length'] !== undefined || req.headers['transfer-encoding'] !== undefined;

const noBody = Buffer.alloc(0);

/** The fault for this request: the server-wide draw, overridden by `X-Emulator-Fault`. */
function decideFault(core: EmulatorCore, header: string | string[] | undefined): FaultDecision {
  const drawn = core.faults?.next() ?? noFault;
  if (header === undefined) return drawn;
  const requested = parseFaultHeader(Array.isArray(header) ? header.join(';') : header);
  if ('error' in requested) {
    throw new EmulatorHttpError(400, errorCodes.invalidParameter, `X-Emulator-Fault: ${requested.error}`);
  }
  return {
    latencyMs: requested.latencyMs ?? drawn.latencyMs,
    status: requested.status ?? drawn.status,
    cut: requested.cut ?? drawn.cut,
  };
}

/**
 * The HTTP edge: routes, reads the body (413 past the limit), applies faults, answers, and
 * logs API requests with secrets redacted. Every response carries `X-Request-Id` and is JSON;
 * anything unexpected becomes a 500 body rather than a crash.
 */
export function createRequestHandler(
  core: EmulatorCore,
  shutdown: AbortSignal,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const requestId = randomUUID();
    handle(core, req, res, requestId, shutdown).catch(() => {
      if (!res.headersSent)
        sendError(res, requestId, new EmulatorHttpError(500, errorCodes.systemError, 'internal error'));
      else res.destroy();
    });
  };
}

async function handle(
  core: EmulatorCore,
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
  shutdown: AbortSignal,
): Promise<void> {
  const started = performance.now();
  const method = req.method ?? 'GET';
  const rawUrl = req.url ?? '/';
  const q = rawUrl.indexOf('?');
  const pathname = q < 0 ? rawUrl : rawUrl.slice(0, q);
  const query = q < 0 ? '' : rawUrl.slice(q + 1);
  const match = matchRoute(method, pathname);
  const control = match.kind === 'route' && isControlRoute(match.name);
  const limit = control ? core.settings.maxDataBodyBytes : core.settings.maxBodyBytes;

  let status = 0;
  let fault: FaultDecision = noFault;
  let body: Buffer = noBody;
  let json: unknown;
  try {
    // A GET carries no body: no listeners, no promise, no copy (node drains what is left).
    const read = hasBody(req) ? await readBody(req, limit) : noBody;
    if (read === bodyTooLarge) {
      throw new EmulatorHttpError(
        413,
        errorCodes.bodyTooLarge,
        `body: larger than the limit of ${limit} bytes`,
      );
    }
    body = read;
    if (match.kind === 'notFound') {
      throw new EmulatorHttpError(
        404,
        errorCodes.unknownPath,
        `no endpoint at ${method} ${pathname.slice(0, 200)}`,
      );
    }
    if (match.kind === 'methodNotAllowed') {
      throw new EmulatorHttpError(
        405,
        errorCodes.methodNotAllowed,
        `${method} is not allowed here (allowed: ${match.allow})`,
        {
          headers: { Allow: match.allow },
        },
      );
    }
    if (control) {
      const [controlStatus, controlBody] = answerControl(core, match.name, body);
      sendJson(res, requestId, controlStatus, controlBody);
      return;
    }
    fault = decideFault(core, req.headers['x-emulator-fault']);
    // Injected latency ends early when the emulator closes: a shutdown never waits on it.
    if (fault.latencyMs > 0) await sleep(fault.latencyMs, undefined, { signal: shutdown });
    if (fault.cut) {
      req.socket.destroy();
      return;
    }
    if (fault.status !== undefined) throw faultError(fault.status, core.faults?.retryAfterSeconds ?? 1);
    // `search` and `linkBase` only when a route reads them (a tag query reads neither).
    let search: URLSearchParams | undefined;
    let linkBase: string | undefined;
    const answer = answerApi(core, {
      route: match.name,
      params: match.params,
      method,
      rawUrl,
      headers: req.headers,
      body,
      query,
      get search() {
        search ??= new URLSearchParams(query);
        return search;
      },
      get linkBase() {
        linkBase ??= `http://${safeHost.test(req.headers.host ?? '') ? req.headers.host : 'localhost'}${pathname}`;
        return linkBase;
      },
    });
    status = answer.status;
    json = answer.json;
    sendJson(res, requestId, answer.status, answer.body, answer.headers);
  } catch (error) {
    const httpError = EmulatorHttpError.isInstance(error)
      ? error
      : new EmulatorHttpError(500, errorCodes.systemError, 'internal error', { cause: error });
    status = httpError.status;
    sendError(res, requestId, httpError);
  } finally {
    if (!control) {
      // Redacted as it is kept: the log never holds a secret (see logged-request.ts).
      core.log.add(
        logRecordOf({
          method,
          path: pathname,
          query,
          status,
          requestId,
          headers: req.headers,
          durationMs: Math.round((performance.now() - started) * 1000) / 1000,
          body,
          json,
          fault: describeFault(fault),
        }),
      );
    }
  }
}
