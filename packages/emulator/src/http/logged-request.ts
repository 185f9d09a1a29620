import type { IncomingHttpHeaders } from 'node:http';
import type { LoggedRequest } from '../types.js';
import { redactBody, redactHeaders } from './redact.js';

const maxLoggedBodyBytes = 64 * 1024;

/**
 * A request as the log keeps it: what was received, redacted only when the log is read.
 * Most entries are overwritten unread, and redacting each one as it came (a copy of the
 * headers, a copy of the parsed body) cost ~20 µs a tag query and objects that lived just
 * long enough to be promoted, then made the old generation collect.
 */
export interface LogRecord {
  method: string;
  path: string;
  query: string;
  status: number;
  requestId: string;
  /** As received (`req.headers`, never changed after the request). */
  headers: IncomingHttpHeaders;
  durationMs: number;
  /** The body as received; empty when there was none or when it is too large to log. */
  body: Buffer;
  /** The body as answering parsed it (and left unchanged), if it did. */
  json: unknown;
  fault: string | undefined;
}

/** The body as logged: parsed JSON with secrets redacted; `json` when answering parsed it already. */
function loggedBody(body: Buffer, json: unknown): unknown {
  if (body.length === 0 || body.length > maxLoggedBodyBytes) return undefined;
  if (json !== undefined) return redactBody(json);
  try {
    return redactBody(JSON.parse(body.toString('utf8')));
  } catch {
    return undefined;
  }
}

/**
 * The body as the log keeps it: none past the logged size; a small body, which is a slice of
 * node's shared 8 KiB pool, copied into its own bytes (kept as it is, each of 1000 entries
 * could keep a whole slab).
 */
export function keptBody(body: Buffer, none: Buffer): Buffer {
  if (body.length === 0 || body.length > maxLoggedBodyBytes) return none;
  if (body.byteLength === body.buffer.byteLength) return body;
  return Buffer.from(new Uint8Array(body).buffer);
}

/** The entry as `GET /__emulator/requests` shows it: fresh objects, secrets redacted. */
export function loggedRequestOf(record: LogRecord): LoggedRequest {
  const entry: LoggedRequest = {
    method: record.method,
    path: record.path,
    query: record.query,
    status: record.status,
    requestId: record.requestId,
    headers: redactHeaders(record.headers),
    durationMs: record.durationMs,
  };
  const logged = loggedBody(record.body, record.json);
  if (logged !== undefined) entry.body = logged;
  if (record.fault !== undefined) entry.fault = record.fault;
  return entry;
}
