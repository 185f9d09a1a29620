import type { ServerResponse } from 'node:http';
import type { EmulatorHttpError } from '../errors.js';
import { PooledBody, type ResponseBody } from '../store/pooled-body.js';

/**
 * Writes a JSON answer. A pooled page (`PooledBody`) is written as one Buffer and its buffer
 * handed back to the pool when the response has finished, that is once the socket's write
 * is done; a response that never finishes (the client went away) keeps its buffer out of
 * the pool, and the collector takes it.
 */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: ResponseBody,
  headers: Readonly<Record<string, string>> = {},
): void {
  const bytes = body instanceof PooledBody ? body.bytes : body;
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json',
    'Content-Length': typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length,
  });
  if (body instanceof PooledBody) res.end(bytes, () => body.release());
  else res.end(bytes);
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
