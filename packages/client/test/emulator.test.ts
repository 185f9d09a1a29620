import { type RunningEmulator, startEmulator } from '@csbs-kit/emulator';
import type { CheckpointItem } from '@csbs-kit/models';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CsbsAuthenticationError,
  CsbsBadRequestError,
  CsbsClient,
  type CsbsClientOptions,
  CsbsNotFoundError,
  CsbsPermissionDeniedError,
  type ListCheckpointItemsQuery,
  type Resource,
  type RetrySummary,
} from '../src/index.js';

let emulator: RunningEmulator;
let demo: NonNullable<RunningEmulator['demo']>;
let all: CheckpointItem[];
const clients: CsbsClient[] = [];

function client(options: Partial<CsbsClientOptions> = {}): CsbsClient {
  const c = new CsbsClient({
    projectId: demo.projectId,
    endpoint: emulator.url,
    credentials: { token: demo.token },
    ...options,
  });
  clients.push(c);
  return c;
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of iterable) out.push(x);
  return out;
}

const ids = (items: { id: string }[]) => items.map((i) => i.id);

beforeAll(async () => {
  emulator = await startEmulator({ generate: { count: 2500, seed: 7 } });
  demo = emulator.demo!;
  all = await collect(client().paginateCheckpointItems());
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await emulator.close();
});

describe('listing against the emulator (token)', () => {
  it('walks every backup exactly once, in created_at desc order', async () => {
    expect(all).toHaveLength(2500);
    expect(new Set(ids(all)).size).toBe(2500);
    for (let i = 1; i < all.length; i++) {
      expect((all[i - 1]?.created_at ?? '') >= (all[i]?.created_at ?? '')).toBe(true);
    }
    expect(await client().countCheckpointItems()).toBe(2500);
  });

  it('one page carries the next marker, and following it continues the order', async () => {
    const c = client();
    const first = await c.listCheckpointItems({ limit: 100 });
    expect(first.checkpoint_items).toHaveLength(100);
    expect(first.nextMarker).toBe(all[99]?.id);
    const second = await c.listCheckpointItems({ limit: 100, marker: first.nextMarker });
    expect(ids(second.checkpoint_items)).toEqual(ids(all.slice(100, 200)));
  });

  // Each filter checked against an independent reading of the full listing.
  const sample = () => all[42]!;
  const cases: Array<[string, () => ListCheckpointItemsQuery, (i: CheckpointItem) => boolean]> = [
    ['status', () => ({ status: 'available' }), (i) => i.status === 'available'],
    [
      'name (fuzzy, case-insensitive)',
      () => ({ name: sample().name!.slice(0, 4).toUpperCase() }),
      (i) => (i.name ?? '').toLowerCase().includes(sample().name!.slice(0, 4).toLowerCase()),
    ],
    [
      'resource_name',
      () => ({ resource_name: sample().extend_info!.resource_name! }),
      (i) =>
        (i.extend_info?.resource_name ?? '')
          .toLowerCase()
          .includes(sample().extend_info!.resource_name!.toLowerCase()),
    ],
    [
      'az',
      () => ({ az: sample().extend_info!.resource_az! }),
      (i) => i.extend_info?.resource_az === sample().extend_info!.resource_az,
    ],
    [
      'resource_id',
      () => ({ resource_id: sample().resource_id! }),
      (i) => i.resource_id === sample().resource_id,
    ],
    [
      'resource_type',
      () => ({ resource_type: sample().resource_type! }),
      (i) => i.resource_type === sample().resource_type,
    ],
    ['policy_id', () => ({ policy_id: sample().policy_id! }), (i) => i.policy_id === sample().policy_id],
    [
      'checkpoint_id',
      () => ({ checkpoint_id: sample().checkpoint_id! }),
      (i) => i.checkpoint_id === sample().checkpoint_id,
    ],
    [
      'image_type',
      () => ({ image_type: sample().extend_info!.image_type! }),
      (i) => i.extend_info?.image_type === sample().extend_info!.image_type,
    ],
    [
      'start_time and end_time',
      () => ({ start_time: all[1500]!.created_at!, end_time: all[300]!.created_at! }),
      (i) => (i.created_at ?? '') >= all[1500]!.created_at! && (i.created_at ?? '') <= all[300]!.created_at!,
    ],
  ];
  it.each(cases)('filter %s: paging and count agree with the full listing', async (_name, params, keep) => {
    const c = client();
    const expected = ids(all.filter(keep));
    expect(expected.length).toBeGreaterThan(0);
    const got = await collect(c.paginateCheckpointItems({ ...params(), limit: 300 }));
    expect(ids(got)).toEqual(expected);
    const { offset: _o, ...countParams } = params() as ListCheckpointItemsQuery;
    expect(await c.countCheckpointItems(countParams)).toBe(expected.length);
  });

  it('sort by name ascending', async () => {
    const got = await collect(client().paginateCheckpointItems({ sort: 'name:asc', limit: 700 }));
    expect(got).toHaveLength(2500);
    for (let i = 1; i < got.length; i++) expect((got[i - 1]?.name ?? '') <= (got[i]?.name ?? '')).toBe(true);
  });

  it('maxItems and offset across pages of limit', async () => {
    const got = await collect(
      client().paginateCheckpointItems({ limit: 500, offset: 10 }, { maxItems: 1234 }),
    );
    expect(ids(got)).toEqual(ids(all.slice(10, 1244)));
  });

  it('gets one backup, and a missing one is CSBS.3001', async () => {
    const c = client();
    expect(await c.getCheckpointItem(all[5]!.id)).toEqual(all[5]);
    const error = await c.getCheckpointItem('no-such-backup').catch((e: unknown) => e);
    expect(CsbsNotFoundError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 404, errorCode: 'CSBS.3001' });
    expect((error as CsbsNotFoundError).requestId).toBeTruthy();
  });

  it('server-side errors: unknown marker 400, other project 403, all_tenants 403', async () => {
    const c = client();
    const bad = await c.listCheckpointItems({ marker: 'not-an-id' }).catch((e: unknown) => e);
    expect(CsbsBadRequestError.isInstance(bad)).toBe(true);
    expect(bad).toMatchObject({ errorCode: 'CSBS.9001' });
    const other = client({ projectId: demo.otherProjectId });
    await expect(other.countCheckpointItems()).rejects.toBeInstanceOf(CsbsPermissionDeniedError);
    await expect(c.countCheckpointItems({ all_tenants: true })).rejects.toBeInstanceOf(
      CsbsPermissionDeniedError,
    );
    const admin = client({ credentials: { token: demo.adminToken } });
    expect(await admin.countCheckpointItems({ all_tenants: true })).toBeGreaterThan(2500);
  });
});

describe('tag queries against the emulator', () => {
  const hasTag = (r: Resource, key: string, value?: string) =>
    (r.tags ?? []).some((t) => t.key === key && (value === undefined || t.value === value));

  it('a selector: every match satisfies it, paging equals count', async () => {
    const c = client();
    const query = { selector: 'env=prod,!legacy' };
    const total = await c.countResources(query);
    expect(total).toBeGreaterThan(0);
    const got = await collect(c.paginateResources({ ...query, limit: 250 }));
    expect(got).toHaveLength(total);
    expect(new Set(got.map((r) => r.resource_id)).size).toBe(total);
    for (const r of got) {
      expect(hasTag(r, 'env', 'prod')).toBe(true);
      expect(hasTag(r, 'legacy')).toBe(false);
    }
    const expected = all.filter((i) => (i.tags ?? []).some((t) => t.key === 'env' && t.value === 'prod'));
    expect(total).toBe(expected.filter((i) => !(i.tags ?? []).some((t) => t.key === 'legacy')).length);
  });

  it('the wire object and the selector give the same page', async () => {
    const c = client();
    const wire = await c.filterResources({
      tags: [{ key: 'env', values: ['prod', 'staging'] }],
      not_tags_any: [{ key: 'tier', values: ['db'] }],
      limit: 50,
      offset: 5,
    });
    const selector = await c.filterResources({
      selector: 'env in (prod,staging),tier!=db',
      limit: '50',
      offset: '5',
    });
    expect(wire.resources).toHaveLength(50);
    expect(wire.resources.map((r) => r.resource_id)).toEqual(selector.resources.map((r) => r.resource_id));
    expect(wire.total_count).toBe(selector.total_count);
  });

  it('tags_any, not_tags and matches', async () => {
    const c = client();
    const name = all[3]!.name!.slice(0, 5);
    const query = {
      tags_any: [
        { key: 'team', values: [] },
        { key: 'env', values: ['dev'] },
      ],
      not_tags: [
        { key: 'env', values: ['prod'] },
        { key: 'tier', values: ['backend'] },
      ],
      matches: [{ key: 'resource_name' as const, value: name }],
    };
    const got = await collect(c.paginateResources(query));
    expect(got.length).toBe(await c.countResources(query));
    const expected = all.filter((i) => {
      const tags = i.tags ?? [];
      const has = (k: string, v?: string) =>
        tags.some((t) => t.key === k && (v === undefined || t.value === v));
      return (
        (has('team') || has('env', 'dev')) &&
        !(has('env', 'prod') && has('tier', 'backend')) &&
        (i.name ?? '').toLowerCase().includes(name.toLowerCase())
      );
    });
    expect(expected.length).toBeGreaterThan(0);
    expect(got.map((r) => r.resource_id)).toEqual(ids(expected));
  });
});

describe('a dispatcher with an interceptor', () => {
  it.each(['status=503', 'cut', 'latency=50'])(
    'X-Emulator-Fault %s on the first attempt is retried through a composed dispatcher',
    async (fault) => {
      let calls = 0;
      const dispatcher = new Agent().compose(
        (dispatch) => (opts, handler) =>
          dispatch(
            {
              ...opts,
              headers: {
                ...(opts.headers as Record<string, string>),
                ...(calls++ === 0 ? { 'X-Emulator-Fault': fault } : {}),
              },
            },
            handler,
          ),
      );
      const retries: RetrySummary[] = [];
      const c = client({
        dispatcher,
        retry: { baseDelayMs: 1, maxDelayMs: 5 },
        hooks: { onRetry: (r) => retries.push(r) },
      });
      expect(await c.countCheckpointItems()).toBe(2500);
      expect(retries).toHaveLength(fault.startsWith('latency') ? 0 : 1);
      await dispatcher.close();
    },
  );
});

describe('AK/SK and password against the emulator', () => {
  it('AK/SK: GET and POST calls verify on the emulator', async () => {
    const c = client({ credentials: { accessKey: demo.accessKey, secretKey: demo.secretKey } });
    expect(await c.countCheckpointItems({ status: 'available' })).toBe(
      all.filter((i) => i.status === 'available').length,
    );
    expect(
      (await c.listCheckpointItems({ limit: 3, name: 'a b' })).checkpoint_items.length,
    ).toBeLessThanOrEqual(3);
    expect(await c.countResources({ selector: 'env=prod' })).toBeGreaterThan(0);
    expect((await c.filterResources({ selector: 'env=prod', limit: 2 })).resources).toHaveLength(2);
  });

  it('AK/SK with a wrong secret is a 401 APIGW.0301, sent once', async () => {
    const before = emulator.requestLog().length;
    const c = client({ credentials: { accessKey: demo.accessKey, secretKey: 'wrong-secret' } });
    const error = await c.countCheckpointItems().catch((e: unknown) => e);
    expect(CsbsAuthenticationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ errorCode: 'APIGW.0301' });
    expect(emulator.requestLog().length - before).toBe(1);
  });

  it('password: IAM token by project id and by project name', async () => {
    const byId = client({
      credentials: {
        password: {
          authUrl: emulator.url,
          username: demo.username,
          password: demo.password,
          domainName: demo.domainName,
        },
      },
    });
    expect(await byId.countCheckpointItems()).toBe(2500);
    const byName = client({
      credentials: {
        password: {
          authUrl: `${emulator.url}/v3`,
          username: demo.username,
          password: demo.password,
          domainName: demo.domainName,
          projectName: demo.projectName,
        },
      },
    });
    expect(await byName.countResources({ selector: '' })).toBe(2500);
    const wrong = client({
      credentials: {
        password: {
          authUrl: emulator.url,
          username: demo.username,
          password: 'nope',
          domainName: demo.domainName,
        },
      },
    });
    await expect(wrong.countCheckpointItems()).rejects.toBeInstanceOf(CsbsAuthenticationError);
  });
});
