import type { IncomingMessage } from 'node:http';
import { errorCodes } from '../error-codes.js';
import { EmulatorHttpError } from '../errors.js';

/** The body was larger than allowed; it was read and thrown away. */
export const bodyTooLarge = Symbol('bodyTooLarge');

/** How much of an oversized body is read and discarded before the connection is cut. */
const drainFactor = 16;

/**
 * Reads a request body up to `maxBytes`. A larger body is drained (not kept) so that the 413
 * can be sent on a connection the client is still writing to; past `drainFactor` times the
 * limit the client is cut off.
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | typeof bodyTooLarge> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    let tooLarge = Number.isFinite(declared) && declared > maxBytes;
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        tooLarge = true;
        chunks.length = 0;
      }
      if (size > maxBytes * drainFactor) {
        req.socket.destroy();
        return;
      }
      if (!tooLarge) chunks.push(chunk);
    });
    let ended = false;
    req.on('end', () => {
      ended = true;
      resolve(tooLarge ? bodyTooLarge : Buffer.concat(chunks, size));
    });
    // A client that goes away mid-body (or is cut off above) leaves no answer to send; the
    // request still settles so that it is logged and nothing waits forever.
    req.on('close', () => {
      if (!ended) reject(new EmulatorHttpError(400, errorCodes.invalidParameter, 'body: incomplete'));
    });
    req.on('error', () => {});
  });
}
