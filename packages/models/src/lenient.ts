import { z } from 'zod';

/*
 * Building blocks of the response schemas. The reference pages disagree with each other and
 * with real responses (Integer vs String vs float, `null` where a value is documented), so a
 * response field accepts every form seen and keeps the value exactly as sent.
 */

/** A documented string that real responses also send as `null` or leave out. */
export const text = z.string().nullish();

/** A documented number that also arrives as a numeric string (`"4096"`) or a float. */
export const numberLike = z.union([z.number(), z.string()]).nullish();

export const flag = z.boolean().nullish();
