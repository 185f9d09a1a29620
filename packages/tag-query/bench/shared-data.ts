// The data of the shared-lists benches: backups that share their tags lists as every backup
// of a server carries the server's tags (the emulator's generated data: 5000 servers for a
// million backups, names `autobk_` or `manualbk_` and four hex digits), and the emulator
// bench's distinct tag-query pages over them (`tagQueryBody` in
// packages/emulator/bench/requests.ts): random `tags`, `tags_any`, `not_tags`,
// `not_tags_any`, a `resource_name` needle a fifth of the time, offsets 0–400, pages of 100.
import type { IndexedBackup } from '../src/index.js';

const vocabulary: Record<string, string[]> = {
  env: ['prod', 'staging', 'dev', 'test'],
  team: ['payments', 'search', 'identity', 'data', 'mobile', 'platform'],
  app: ['checkout', 'catalog', 'auth', 'billing', 'gateway', 'reports'],
  role: ['web', 'api', 'db', 'cache', 'worker', 'mq', 'batch', 'proxy', 'search', 'ci'],
  tier: ['frontend', 'backend', 'database', 'cache'],
  owner: ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace'],
  'backup-policy': ['daily', 'weekly', 'monthly'],
  cost_center: ['cc-1001', 'cc-1002', 'cc-2001', 'cc-3001'],
};
const keys = Object.keys(vocabulary);

/** A request as the bench replays it: the raw query (to validate) and its page. */
export interface RawAsk {
  raw: Record<string, unknown>;
  offset: number;
  limit: number;
}

export function sharedData(backupCount: number, random: () => number) {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const int = (n: number) => Math.floor(random() * n);
  const hex4 = () => int(0x10000).toString(16).padStart(4, '0');
  const servers = Math.min(5000, Math.max(1, Math.ceil(backupCount / 40)));
  const serverTags = Array.from({ length: servers }, () =>
    keys.filter(() => random() < 0.8).map((key) => ({ key, value: pick(vocabulary[key]!) })),
  );
  const start = Date.UTC(2024, 0, 1);
  const backups: IndexedBackup[] = Array.from({ length: backupCount }, (_, i) => ({
    id: `b-${i.toString(16).padStart(8, '0')}`,
    created_at: new Date(start + int(365 * 24 * 3600) * 1000).toISOString().slice(0, 19),
    name: `${random() < 0.7 ? 'autobk_' : 'manualbk_'}${hex4()}`,
    tags: serverTags[int(servers)]!,
  }));

  function entries(max: number) {
    const out = new Map<string, { key: string; values: string[] }>();
    for (let i = 0, n = 1 + int(max); i < n; i++) {
      const key = pick(keys);
      const values = random() < 0.2 ? [] : [...new Set([pick(vocabulary[key]!), pick(vocabulary[key]!)])];
      out.set(key, { key, values });
    }
    return [...out.values()];
  }
  const needle = () => {
    const name = pick(backups).name!;
    const length = Math.min(name.length, 2 + int(5));
    const at = int(name.length - length + 1);
    const part = name.slice(at, at + length);
    return random() < 0.3 ? part.toUpperCase() : part;
  };
  /** One distinct request of the emulator bench's mix. */
  const ask = (): RawAsk => {
    const raw: Record<string, unknown> = { tags: entries(2) };
    if (random() < 0.3) raw.tags_any = entries(3);
    if (random() < 0.3) raw.not_tags_any = entries(2);
    if (random() < 0.15) raw.not_tags = entries(2);
    if (random() < 0.2) raw.matches = [{ key: 'resource_name', value: needle() }];
    return { raw, offset: random() < 0.5 ? 0 : 100 * int(5), limit: 100 };
  };
  return { servers, backups, ask };
}
