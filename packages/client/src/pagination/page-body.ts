import type { z } from 'zod';
import type { RawResponse } from '../transport/execute.js';
import { parseJsonBody, validateJsonBody } from '../transport/json-body.js';
import { itemTextsOf, parseBodyWithTexts } from './item-texts.js';

/**
 * A page's body, parsed and validated, with each element of its array under `key` as the
 * source text the service sent when `itemTexts` is asked for. A compact body is parsed item
 * by item, keeping each piece's text; any other is parsed whole and its texts found after.
 */
export function readPageBody<S extends z.ZodType>(
  response: RawResponse,
  schema: S,
  key: string,
  itemTexts: boolean,
): { body: z.output<S>; texts?: readonly string[] } {
  if (!itemTexts) return { body: parseJsonBody(response, schema) };
  const split = parseBodyWithTexts(response.bodyText, key);
  if (split !== undefined)
    return { body: validateJsonBody(response, split.json, schema), texts: split.texts };
  const body = parseJsonBody(response, schema);
  const items = (body as Record<string, unknown>)[key];
  return { body, texts: itemTextsOf(response.bodyText, key, items as readonly unknown[]) };
}
