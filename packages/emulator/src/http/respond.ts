import type { ServerResponse } from 'node:http';
import type { EmulatorHttpError } from '../errors.js';

function byteLength(body: Buffer | readonly string[] | string): number {
  if (typeof body === 'string') return Buffer.byteLength(body);
  if (Buffer.isBuffer(body)) return body.length;
  let length = 0;
  for (const part of body) length += Buffer.byteLength(part);
  return length;
}

/**
 * Writes a JSON answer: text, or pieces written in one corked batch (one `writev`). Pieces
 * spare joining a page into one new large string per request; they stay V8 strings rather
 * than Buffers, whose external memory would make V8 run full collections over a heap of a
 * million backups.
 */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: Buffer | readonly string[] | string,
  headers: Readonly<Record<string, string>> = {},
): void {
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json',
    'Content-Length': byteLength(body),
  });
  if (typeof body === 'string' || Buffer.isBuffer(body)) {
    res.end(body);
    return;
  }
  res.cork();
  for (const part of body) res.write(part);
  res.end();
  res.uncork();
}

/** The documented error body: `{error_code, error_msg}`, or IAM's `{error: {code, message}}`. */
export function errorBodyOf(error: EmulatorHttpError): string {
  if (error.shape === 'iam') {
    return JSON.stringify({
      error: { code: error.status, message: error.message, title: titleOf(error.status) },
    });
  }
  return JSON.stringify({ error_code: error.code, error_msg: error.message });
}

function titleOf(status: number): string {
  if (status === 400) return 'Bad Request';
  if (status === 401) return 'Unauthorized';
  return 'Error';
}

export function sendError(res: ServerResponse, error: EmulatorHttpError): void {
  sendJson(res, error.status, errorBodyOf(error), error.headers);
}
