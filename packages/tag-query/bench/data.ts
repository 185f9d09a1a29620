import type { Tag, TagQuery } from '@csbs-kit/models';
import type { IndexedBackup } from '../src/index.js';

/** Picks index i of n with weight 1/(i+1)^s: a few keys and values are common, most are rare. */
function zipf(n: number, s: number): (random: () => number) => number {
  const cumulative: number[] = [];
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += 1 / (i + 1) ** s;
    cumulative.push(total);
  }
  return (random) => {
    const x = random() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const baseKeys = ['env', 'tier', 'team', 'app', 'owner', 'cost-center', 'region', 'backup-class', 'os', 'db'];

export interface Vocabulary {
  keys: string[];
  values: string[][];
  pickKey: (random: () => number) => number;
  pickValue: ((random: () => number) => number)[];
}

/** About 50 keys; key i has between 2 and ~300 values, chosen with a skew. */
export function vocabulary(random: () => number): Vocabulary {
  const keys = Array.from({ length: 50 }, (_, i) => (i < baseKeys.length ? baseKeys[i]! : `label-${i}`));
  const values = keys.map((key, i) => {
    const count = 2 + Math.floor(random() ** 2 * 300) + (i % 7 === 0 ? 0 : i);
    return Array.from({ length: count }, (_, j) => `${key.slice(0, 3)}-${j}`);
  });
  return {
    keys,
    values,
    pickKey: zipf(keys.length, 0.9),
    pickValue: values.map((list) => zipf(list.length, 1.1)),
  };
}

const hex = (random: () => number, length: number) => {
  let out = '';
  for (let i = 0; i < length; i++) out += Math.floor(random() * 16).toString(16);
  return out;
};

const nameWords = ['web', 'db', 'cache', 'api', 'worker', 'batch', 'proxy', 'mail', 'build', 'vpn'];

export function generateBackups(count: number, vocab: Vocabulary, random: () => number): IndexedBackup[] {
  const start = Date.UTC(2024, 0, 1);
  const year = 365 * 24 * 3600 * 1000;
  const backups: IndexedBackup[] = [];
  for (let n = 0; n < count; n++) {
    const tagCount = Math.floor(random() * 11);
    const seen = new Set<number>();
    const tags: { key: string; value: string }[] = [];
    for (let t = 0; t < tagCount; t++) {
      const k = vocab.pickKey(random);
      if (seen.has(k)) continue;
      seen.add(k);
      tags.push({ key: vocab.keys[k]!, value: vocab.values[k]![vocab.pickValue[k]!(random)]! });
    }
    const created = new Date(start + Math.floor(random() * year)).toISOString().slice(0, 19);
    backups.push({
      id: `${hex(random, 8)}-${hex(random, 4)}-${hex(random, 4)}-${hex(random, 12)}`,
      name: `${nameWords[Math.floor(random() * nameWords.length)]}-${Math.floor(random() * 5000)}`,
      created_at: created,
      tags,
    });
  }
  // Through JSON, as the emulator loads its data: flat strings, as a real data set has them
  // (built-up strings would be flattened during the build and distort its memory figure).
  return JSON.parse(JSON.stringify(backups)) as IndexedBackup[];
}

const lists = ['tags', 'tags', 'tags', 'tags_any', 'not_tags', 'not_tags_any', 'not_tags_any'] as const;

/** A query of 1..6 requirements spread over the four lists, keys and values as skewed as the data. */
export function generateQuery(vocab: Vocabulary, random: () => number): TagQuery {
  const requirements = 1 + Math.floor(random() * 6);
  const query: TagQuery = {};
  for (let r = 0; r < requirements; r++) {
    const field = lists[Math.floor(random() * lists.length)]!;
    const k = vocab.pickKey(random);
    const key = vocab.keys[k]!;
    const list: Tag[] = query[field] ?? [];
    if (list.some((entry) => entry.key === key)) continue;
    const valueCount = Math.floor(random() * 4);
    const values = new Set<string>();
    for (let v = 0; v < valueCount; v++) values.add(vocab.values[k]![vocab.pickValue[k]!(random)]!);
    list.push({ key, values: [...values] });
    query[field] = list;
  }
  return query;
}
