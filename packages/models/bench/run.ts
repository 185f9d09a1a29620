import { listCheckpointItemsResponseSchema, safeParseResponse } from '../src/index.js';
import { makeCheckpointItems } from './checkpoint-items.js';

/*
 * What does validating a listing page cost on top of reading its JSON? The baseline is
 * `JSON.parse` alone, measured in the same run, so the ratio holds on any machine. Two ways
 * to validate: the zod schema itself, and `safeParseResponse` (the client's way: a check
 * generated from the same schema, zod only for a page that fails it).
 */

const items = makeCheckpointItems(1000);
const text = JSON.stringify({ checkpoint_items: items });

function medianMs(run: () => unknown, iterations: number, warmup: number): number {
  for (let i = 0; i < warmup; i++) run();
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint();
    run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

const iterations = Number(process.env.BENCH_ITERATIONS ?? 60);
const warmup = Math.max(5, Math.floor(iterations / 4));

const parsed = listCheckpointItemsResponseSchema.parse(JSON.parse(text));
if (JSON.stringify(parsed) !== text) throw new Error('the schema changed the page: leniency is broken');
const page = JSON.parse(text) as unknown;
const fast = safeParseResponse(listCheckpointItemsResponseSchema, page);
if (!fast.success || fast.data !== page) throw new Error('the fast path did not accept the page as it is');

const fastParse = () => {
  const result = safeParseResponse(listCheckpointItemsResponseSchema, JSON.parse(text));
  if (!result.success) throw new Error('rejected');
};

// Alternate the measurements so that none profits alone from a warmer machine.
const baseline: number[] = [];
const validated: number[] = [];
const fastValidated: number[] = [];
for (let round = 0; round < 3; round++) {
  baseline.push(medianMs(() => JSON.parse(text), iterations, warmup));
  validated.push(
    medianMs(() => listCheckpointItemsResponseSchema.parse(JSON.parse(text)), iterations, warmup),
  );
  fastValidated.push(medianMs(fastParse, iterations, warmup));
}
const best = (xs: number[]) => Math.min(...xs);
const jsonMs = best(baseline);
const schemaMs = best(validated);
const fastMs = best(fastValidated);

console.log(`listing page: ${items.length} checkpoint items, ${(text.length / 1024).toFixed(0)} KiB of JSON`);
console.log(`JSON.parse                                : ${jsonMs.toFixed(2)} ms (median)`);
console.log(`JSON.parse + listCheckpointItemsResponse  : ${schemaMs.toFixed(2)} ms (median)`);
console.log(`JSON.parse + safeParseResponse (fast path): ${fastMs.toFixed(2)} ms (median)`);
console.log(`ratio, zod schema                         : ${(schemaMs / jsonMs).toFixed(2)}x (goal <= 2.00)`);
console.log(`ratio, fast path                          : ${(fastMs / jsonMs).toFixed(2)}x`);

// The signature verifier's own measurement (both SDK-HMAC-SHA256 forms).
await import('./signing.js');
