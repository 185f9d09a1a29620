import type { IncomingHttpHeaders } from 'node:http';
import type { LoggedRequest } from '../types.js';
import { redactHeaders, withoutSecrets } from './redact.js';

const maxLoggedBodyBytes = 64 * 1024;

/** A request as answering saw it, before anything is redacted. */
export interface ReceivedRequest extends Omit<LoggedRequest, 'headers' | 'body' | 'fault'> {
  headers: IncomingHttpHeaders;
  /** The body as received; empty when there was none. */
  body: Buffer;
  /** The body as answering parsed it (and left unchanged), if it did. */
  json: unknown;
  fault: string | undefined;
}

/**
 * A request as the log keeps it: secrets already replaced, so that no token, password or key
 * is ever held by the log (nor in a heap dump of it). What is cheap is done here; the fresh
 * copies that `GET /__emulator/requests` hands out are made only when it is read, since most
 * entries are overwritten unread.
 */
export interface LogRecord extends Omit<LoggedRequest, 'body' | 'fault'> {
  /** The parsed body with its secrets redacted; undefined when none is logged. */
  body: unknown;
  fault: string | undefined;
}

/** The body as logged: parsed JSON with secrets redacted; `json` when answering parsed it already. */
function loggedBody(body: Buffer, json: unknown): unknown {
  if (body.length === 0 || body.length > maxLoggedBodyBytes) return undefined;
  let parsed = json;
  if (parsed === undefined) {
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      return undefined;
    }
  }
  return withoutSecrets(parsed);
}

/** What the log keeps of a request: nothing secret in it. */
export function logRecordOf(received: ReceivedRequest): LogRecord {
  return {
    method: received.method,
    path: received.path,
    query: received.query,
    status: received.status,
    requestId: received.requestId,
    headers: redactHeaders(received.headers),
    durationMs: received.durationMs,
    body: loggedBody(received.body, received.json),
    fault: received.fault,
  };
}

/** The entry as `GET /__emulator/requests` shows it: fresh objects, which a reader may change. */
export function loggedRequestOf(record: LogRecord): LoggedRequest {
  const entry: LoggedRequest = {
    method: record.method,
    path: record.path,
    query: record.query,
    status: record.status,
    requestId: record.requestId,
    headers: { ...record.headers },
    durationMs: record.durationMs,
  };
  if (record.body !== undefined) entry.body = structuredClone(record.body);
  if (record.fault !== undefined) entry.fault = record.fault;
  return entry;
}
