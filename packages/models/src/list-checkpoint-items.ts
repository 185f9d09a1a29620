import { z } from 'zod';
import { checkpointItemSchema } from './checkpoint-item.js';
import { checkpointStatuses } from './enums.js';
import { parseSort } from './sort.js';

/** `2017-04-18T01:21:52.701973`: no zone (UTC), a fraction of up to 6 digits. */
export const listingTimePattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?$/;

/** Whether the text is a real calendar time in the listing's format. */
export function isListingTime(text: string): boolean {
  const m = listingTimePattern.exec(text);
  if (!m) return false;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const date = new Date(Date.UTC(2000, mo - 1, d, h, mi, s));
  // Date.UTC reads years 0..99 as 1900..1999; setting the year afterwards does not.
  date.setUTCFullYear(y, mo - 1, d);
  return (
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo - 1 &&
    date.getUTCDate() === d &&
    h < 24 &&
    mi < 60 &&
    s < 60
  );
}

const listingTime = z
  .string({ error: 'must be a string' })
  .refine(isListingTime, { error: 'must be a time like 2017-04-18T01:21:52.701973 (UTC, no zone)' });

const filterText = z.string({ error: 'must be a string' });

/** The filters shared by the listing and by `/checkpoint_items/count`. */
export const checkpointItemFilterFields = {
  status: z.enum(checkpointStatuses, { error: `must be one of ${checkpointStatuses.join(', ')}` }).optional(),
  all_tenants: z.boolean({ error: 'must be true or false' }).optional(),
  name: filterText.optional(),
  az: filterText.optional(),
  resource_id: filterText.optional(),
  resource_name: filterText.optional(),
  start_time: listingTime.optional(),
  end_time: listingTime.optional(),
  image_type: filterText.optional(),
  policy_id: filterText.optional(),
  checkpoint_id: filterText.optional(),
  resource_type: filterText.optional(),
};

export const sortSchema = z.string({ error: 'must be a string' }).superRefine((sort, ctx) => {
  const parsed = parseSort(sort);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message, input: sort });
});

/** Query parameters of `GET /v1/{project_id}/checkpoint_items`, typed. */
export const listCheckpointItemsQuerySchema = z.strictObject({
  ...checkpointItemFilterFields,
  limit: z
    .number({ error: 'must be a number' })
    .int({ error: 'must be a whole number' })
    .positive({ error: 'must be positive' })
    .optional(),
  marker: filterText.min(1, { error: 'must not be empty' }).optional(),
  sort: sortSchema.optional(),
  offset: z
    .number({ error: 'must be a number' })
    .int({ error: 'must be a whole number' })
    .nonnegative({ error: 'must not be negative' })
    .optional(),
});
export type ListCheckpointItemsQuery = z.infer<typeof listCheckpointItemsQuerySchema>;

/** Query parameters of `GET /v1/{project_id}/checkpoint_items/count`: the filters only. */
export const countCheckpointItemsQuerySchema = z.strictObject(checkpointItemFilterFields);
export type CountCheckpointItemsQuery = z.infer<typeof countCheckpointItemsQuerySchema>;

export const checkpointItemsLinkSchema = z.looseObject({ rel: z.string(), href: z.string() });
export type CheckpointItemsLink = z.infer<typeof checkpointItemsLinkSchema>;

export const listCheckpointItemsResponseSchema = z.looseObject({
  checkpoint_items: z.array(checkpointItemSchema),
  checkpoint_items_links: z.array(checkpointItemsLinkSchema).nullish(),
});
export type ListCheckpointItemsResponse = z.infer<typeof listCheckpointItemsResponseSchema>;

export const countCheckpointItemsResponseSchema = z.looseObject({ count: z.number() });
export type CountCheckpointItemsResponse = z.infer<typeof countCheckpointItemsResponseSchema>;

/** `GET /v1/{project_id}/checkpoint_items/{checkpoint_item_id}`. */
export const getCheckpointItemResponseSchema = z.looseObject({ checkpoint_item: checkpointItemSchema });
export type GetCheckpointItemResponse = z.infer<typeof getCheckpointItemResponseSchema>;
