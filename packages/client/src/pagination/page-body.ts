import type { z } from 'zod';
import type { RawResponse } from '../transport/execute.js';
import { parseJsonBody, validateJsonBody } from '../transport/json-body.js';
import { itemLinesOver } from './item-lines.js';
import { itemTextsOf, parseBodyWithTexts } from './item-texts.js';

/**
 * A page's body, parsed and validated, with each element of its array under `key` as the
 * source text the service sent when `itemTexts` is asked for. A compact body is parsed item
 * by item, keeping each piece's text, and its items are also NDJSON bytes (`lines`) made
 * over the response's bytes; any other is parsed whole and its texts found after.
 */
export function readPageBody<S extends z.ZodType>(
  response: RawResponse,
  schema: S,
  key: string,
  itemTexts: boolean,
): { body: z.output<S>; texts?: readonly string[]; lines?: Uint8Array } {
  if (!itemTexts) return { body: parseJsonBody(response, schema) };
  const split = parseBodyWithTexts(response.bodyText, key);
  if (split !== undefined) {
    const body = validateJsonBody(response, split.json, schema);
    const lines = response.bodyBytes && itemLinesOver(response.bodyBytes, split.array);
    return lines === undefined ? { body, texts: split.texts } : { body, texts: split.texts, lines };
  }
  const body = parseJsonBody(response, schema);
  const items = (body as Record<string, unknown>)[key];
  return { body, texts: itemTextsOf(response.bodyText, key, items as readonly unknown[]) };
}
