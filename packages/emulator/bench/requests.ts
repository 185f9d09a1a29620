// Random, distinct requests for the benchmark, drawn from values that exist in the data (a
// sample of its backups), so that filters match and markers are real ids.
import { checkpointStatuses } from '@csbs-kit/models';
import * as words from '../src/data/generator-vocabulary.js';
import { createRandom, type Random } from '../src/data/prng.js';

export interface Sample {
  ids: string[];
  checkpointIds: string[];
  resourceIds: string[];
  policyIds: string[];
  names: string[];
  resourceNames: string[];
  createdAt: string[];
}

interface SampledItem {
  id: string;
  checkpoint_id: string;
  resource_id: string;
  policy_id: string | null;
  name: string;
  created_at: string;
  extend_info: { resource_name: string };
}

export function sampleOf(items: readonly SampledItem[]): Sample {
  const distinct = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => !!v))];
  return {
    ids: items.map((i) => i.id),
    checkpointIds: items.map((i) => i.checkpoint_id),
    resourceIds: distinct(items.map((i) => i.resource_id)),
    policyIds: distinct(items.map((i) => i.policy_id)),
    names: distinct(items.map((i) => i.name)),
    resourceNames: distinct(items.map((i) => i.extend_info.resource_name)),
    createdAt: items.map((i) => i.created_at).sort(),
  };
}

/** A substring of 2..6 characters of `text`, in a random case. */
function needleOf(random: Random, text: string): string {
  const length = Math.min(text.length, 2 + random.int(5));
  const at = random.int(text.length - length + 1);
  const part = text.slice(at, at + length);
  return random.chance(0.3) ? part.toUpperCase() : part;
}

export type FilterKind =
  | 'checkpoint_id'
  | 'resource_id'
  | 'status'
  | 'az'
  | 'policy_id'
  | 'image_type'
  | 'name'
  | 'resource_name'
  | 'time window'
  | 'marker only';

export const filterKinds: readonly FilterKind[] = [
  'checkpoint_id',
  'resource_id',
  'status',
  'az',
  'policy_id',
  'image_type',
  'name',
  'resource_name',
  'time window',
  'marker only',
];

/** One filter of the given kind, as query parameters. */
export function filterOf(random: Random, sample: Sample, kind: FilterKind): [string, string][] {
  switch (kind) {
    case 'checkpoint_id':
      return [['checkpoint_id', random.pick(sample.checkpointIds)]];
    case 'resource_id':
      return [['resource_id', random.pick(sample.resourceIds)]];
    case 'status':
      return [['status', random.pick(checkpointStatuses)]];
    case 'az':
      return [['az', random.pick(words.availabilityZones)]];
    case 'policy_id':
      return [['policy_id', random.pick(sample.policyIds)]];
    case 'image_type':
      return [['image_type', 'backup']];
    case 'name':
      return [['name', needleOf(random, random.pick(sample.names))]];
    case 'resource_name':
      return [['resource_name', needleOf(random, random.pick(sample.resourceNames))]];
    case 'time window': {
      const a = random.int(sample.createdAt.length);
      const b = Math.min(sample.createdAt.length - 1, a + random.int(sample.createdAt.length / 4));
      const out: [string, string][] = [];
      if (random.chance(0.8)) out.push(['start_time', sample.createdAt[a]!]);
      if (out.length === 0 || random.chance(0.6)) out.push(['end_time', sample.createdAt[b]!]);
      return out;
    }
    case 'marker only':
      return [];
  }
}

const singleSorts = ['created_at', 'updated_at', 'name', 'status', 'protected_at', 'id'].flatMap((key) => [
  `${key}:asc`,
  `${key}:desc`,
]);

/**
 * A listing query: 0–2 random filters, a random single-key sort (or the default), a marker
 * half the time, a small offset a fifth of the time, `limit=100`. `kind` forces one filter.
 */
export function listingQuery(random: Random, sample: Sample, kind?: FilterKind): string {
  const params: [string, string][] = [['limit', '100']];
  if (kind !== undefined) params.push(...filterOf(random, sample, kind));
  else {
    const n = random.int(3);
    for (let i = 0; i < n; i++) params.push(...filterOf(random, sample, random.pick(filterKinds)));
  }
  if (random.chance(0.85)) params.push(['sort', random.pick(singleSorts)]);
  if (kind === 'marker only' || random.chance(0.5)) params.push(['marker', random.pick(sample.ids)]);
  if (kind === undefined && random.chance(0.2)) params.push(['offset', String(random.int(50))]);
  return new URLSearchParams(params).toString();
}

/** The listing's filters alone, for `/count`. */
export function countQuery(random: Random, sample: Sample, kind: FilterKind): string {
  return new URLSearchParams(filterOf(random, sample, kind)).toString();
}

const tagKeys: Record<string, readonly string[]> = {
  env: words.environments,
  team: words.teams,
  app: words.apps,
  role: words.serverRoles,
  tier: words.tiers,
  owner: words.owners,
  'backup-policy': words.backupPolicies,
  cost_center: words.costCenters,
};

function tagEntry(random: Random): { key: string; values: string[] } {
  const key = random.pick(Object.keys(tagKeys));
  const values = random.chance(0.2)
    ? []
    : [...new Set([random.pick(tagKeys[key]!), random.pick(tagKeys[key]!)])];
  return { key, values };
}

function entries(random: Random, max: number): { key: string; values: string[] }[] {
  const out = new Map<string, { key: string; values: string[] }>();
  const n = 1 + random.int(max);
  for (let i = 0; i < n; i++) {
    const entry = tagEntry(random);
    out.set(entry.key, entry);
  }
  return [...out.values()];
}

/** A tag-query `filter` body: random tag lists, sometimes a name match, a random page of 100. */
export function tagQueryBody(random: Random, sample: Sample): string {
  const body: Record<string, unknown> = {
    action: 'filter',
    limit: '100',
    offset: random.chance(0.5) ? '0' : String(100 * random.int(5)),
  };
  body.tags = entries(random, 2);
  if (random.chance(0.3)) body.tags_any = entries(random, 3);
  if (random.chance(0.3)) body.not_tags_any = entries(random, 2);
  if (random.chance(0.15)) body.not_tags = entries(random, 2);
  if (random.chance(0.2))
    body.matches = [{ key: 'resource_name', value: needleOf(random, random.pick(sample.names)) }];
  return JSON.stringify(body);
}

export { createRandom };
