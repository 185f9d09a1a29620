import {
  type CountCheckpointItemsQuery,
  checkpointStatuses,
  isListingTime,
  type ListCheckpointItemsQuery,
  parseSort,
} from '@csbs-kit/models';
import { CliUsageError } from '../errors.js';
import { textFlag } from './flag-values.js';

/** Listing filters by flag: the flag a user types and the query parameter it becomes. */
const textFilters = [
  ['--name', 'name'],
  ['--az', 'az'],
  ['--resource-id', 'resource_id'],
  ['--resource-name', 'resource_name'],
  ['--resource-type', 'resource_type'],
  ['--image-type', 'image_type'],
  ['--policy-id', 'policy_id'],
  ['--checkpoint-id', 'checkpoint_id'],
] as const;

const flagKey = (flag: string) => flag.slice(2).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * `--since 2026-01-31` means from the start of that day, `--until 2026-01-31` up to its
 * end, as people mean them; full listing times pass through unchanged.
 */
export function listingTimeFlag(flag: '--since' | '--until', text: unknown): string | undefined {
  const value = textFlag(flag, text);
  if (value === undefined) return undefined;
  const time = /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? `${value}T${flag === '--since' ? '00:00:00' : '23:59:59.999999'}`
    : value.replace(/Z$/, '');
  if (!isListingTime(time)) {
    throw new CliUsageError(
      flag,
      `must be a UTC time like 2026-01-31T08:00:00 or a day like 2026-01-31 (got "${value}")`,
    );
  }
  return time;
}

/** The filters shared by `backups list` and `backups count`, checked flag by flag. */
export function listingFilters(flags: Record<string, unknown>): CountCheckpointItemsQuery {
  const query: CountCheckpointItemsQuery = {};
  if (flags.status !== undefined) {
    const status = textFlag('--status', flags.status);
    if (!(checkpointStatuses as readonly string[]).includes(status ?? '')) {
      throw new CliUsageError(
        '--status',
        `must be one of ${checkpointStatuses.join(', ')} (got "${String(flags.status)}")`,
      );
    }
    query.status = status as CountCheckpointItemsQuery['status'];
  }
  for (const [flag, param] of textFilters) {
    const value = textFlag(flag, flags[flagKey(flag)]);
    if (value !== undefined) query[param] = value;
  }
  const since = listingTimeFlag('--since', flags.since);
  const until = listingTimeFlag('--until', flags.until);
  if (since !== undefined) query.start_time = since;
  if (until !== undefined) query.end_time = until;
  if (since !== undefined && until !== undefined && since > until) {
    throw new CliUsageError('--until', `must not be before --since (${until} < ${since})`);
  }
  if (flags.allTenants === true) query.all_tenants = true;
  return query;
}

/** `--sort created_at:desc,name:asc`, checked by the models' grammar. */
export function sortFlag(text: unknown): ListCheckpointItemsQuery['sort'] {
  const value = textFlag('--sort', text);
  if (value === undefined) return undefined;
  const parsed = parseSort(value);
  if (!parsed.ok) throw new CliUsageError('--sort', parsed.message);
  return value;
}
