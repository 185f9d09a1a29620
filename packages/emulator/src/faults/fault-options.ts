import { describeFieldIssues, fieldIssuesOf } from '@csbs-kit/models';
import { z } from 'zod';
import { EmulatorOptionsError } from '../errors.js';
import type { FaultOptions } from '../types.js';

/** The statuses a fault may answer with. */
export const faultStatuses = [429, 500, 502, 503, 504] as const;

const rate = z
  .number({ error: 'must be a number' })
  .min(0, { error: 'must be between 0 and 1' })
  .max(1, { error: 'must be between 0 and 1' });
const millis = z
  .number({ error: 'must be a number' })
  .int({ error: 'must be a whole number' })
  .min(0, { error: 'must not be negative' })
  .max(600_000, { error: 'at most 600000' });

export const faultOptionsSchema = z.strictObject({
  latencyMs: z
    .union([
      millis,
      z
        .strictObject({ min: millis, max: millis })
        .refine((r) => r.min <= r.max, { error: 'min must not exceed max' }),
    ])
    .optional(),
  statusRate: rate.optional(),
  statuses: z
    .array(
      z.number().refine((s) => (faultStatuses as readonly number[]).includes(s), {
        error: `must be one of ${faultStatuses.join(', ')}`,
      }),
    )
    .min(1, { error: 'must not be empty' })
    .optional(),
  retryAfterSeconds: z
    .number({ error: 'must be a number' })
    .int({ error: 'must be a whole number' })
    .min(0, { error: 'must not be negative' })
    .optional(),
  cutRate: rate.optional(),
  seed: z.number({ error: 'must be a number' }).int({ error: 'must be a whole number' }).optional(),
});

/** Checks fault options; throws an `EmulatorOptionsError` naming the field and the rule. */
export function validateFaultOptions(options: unknown): FaultOptions {
  const parsed = faultOptionsSchema.safeParse(options);
  if (!parsed.success)
    throw new EmulatorOptionsError(`faults: ${describeFieldIssues(fieldIssuesOf(parsed.error))}`);
  return parsed.data;
}
