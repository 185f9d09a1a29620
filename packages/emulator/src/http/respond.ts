import type { ServerResponse } from 'node:http';
import type { EmulatorHttpError } from '../errors.js';
import { PooledBody, type ResponseBody } from '../store/pooled-body.js';

/**
 * Writes a JSON answer with its request id (`X-Request-Id`, and `X-Openstack-Request-Id`:
 * openstacksdk and otcextensions read OpenStack's name for the same id). The headers go to
 * `writeHead` as one flat list, with no `setHeader` before it: node then stores them in one
 * pass instead of a header map merged with `writeHead`'s object, key by key.
 *
 * A pooled page (`PooledBody`) is written as one Buffer and its buffer handed back to the
 * pool when the response has finished, that is once the socket's write is done; a response
 * that never finishes (the client went away) keeps its buffer out of the pool, and the
 * collector takes it.
 */
export function sendJson(
  res: ServerResponse,
  requestId: string,
  status: number,
  body: ResponseBody,
  headers: Readonly<Record<string, string>> = noHeaders,
): void {
  const bytes = body instanceof PooledBody ? body.bytes : body;
  const list: (string | number)[] = ['X-Request-Id', requestId, 'X-Openstack-Request-Id', requestId];
  for (const name in headers) if (Object.hasOwn(headers, name)) list.push(name, headers[name]!);
  list.push(
    'Content-Type',
    'application/json',
    'Content-Length',
    typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length,
  );
  res.writeHead(status, list as string[]);
  if (body instanceof PooledBody) res.end(bytes, () => body.release());
  else res.end(bytes);
}

const noHeaders: Readonly<Record<string, string>> = Object.freeze({});

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

export function sendError(res: ServerResponse, requestId: string, error: EmulatorHttpError): void {
  sendJson(res, requestId, error.status, errorBodyOf(error), error.headers);
}
