import { JsonBytes } from '../store/json-bytes.js';
import type { PooledBody } from '../store/pooled-body.js';

/** One reused scratch body (requests are answered one at a time, synchronously), itself pooled: see `JsonBytes`. */
const body = new JsonBytes(256 * 1024, { pooled: true });

/**
 * A page body: `head`, then `[a,b,…]` of each row's JSON written by `write`, then `tail`,
 * in a pooled buffer (released once the response is written). Rows are written straight into bytes: no page-sized string is built,
 * flattened and encoded again.
 */
export function jsonPage(
  head: string,
  rows: readonly number[],
  write: (out: JsonBytes, row: number) => void,
  tail: string,
): PooledBody {
  body.reset();
  body.text(head);
  body.byte(91);
  for (let i = 0; i < rows.length; i++) {
    if (i > 0) body.byte(44);
    write(body, rows[i]!);
  }
  body.byte(93);
  body.text(tail);
  return body.takePooled();
}
