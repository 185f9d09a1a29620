import type { IncomingMessage } from 'node:http';
import { errorCodes } from '../error-codes.js';
import { EmulatorHttpError } from '../errors.js';

/** The body was larger than allowed; it was read and thrown away. */
export const bodyTooLarge = Symbol('bodyTooLarge');

/**
 * How much of an oversized body is read and thrown away, at most, before the connection is
 * cut. A client sends its whole body before it reads the answer, so the 413 only reaches
 * it if the body is drained; on loopback 100 MB drain in well under a second. Past this,
 * the client is cut off (it gets a reset, not a 413).
 */
const maxDrainBytes = 1024 * 1024 * 1024;

/**
 * Reads a request body up to `maxBytes`. A larger body is drained (not kept) so that the 413
 * can be sent on a connection the client is still writing to; past `maxDrainBytes` (or 16
 * times the limit, if that is more) the client is cut off.
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
      if (size > Math.max(maxDrainBytes, maxBytes * 16)) {
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
