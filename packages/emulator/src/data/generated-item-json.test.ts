import { type CheckpointItem, checkpointStatuses, type ExtendInfo } from '@csbs-kit/models';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonBytes } from '../store/json-bytes.js';
import { listingTimeOfMicros } from './flat-strings.js';
import { generatedName } from './generate-data.js';
import { GeneratedExtendInfo, type GeneratedServer } from './generated-extend-info.js';
import { type ItemColumns, writeGeneratedItem, writeGeneratedResource } from './generated-item-json.js';
import { maxVolumes, ServerPieces } from './generated-server-pieces.js';
import { createRandom } from './prng.js';

// Servers the generator does not make (no volumes, up to `maxVolumes`, text outside ASCII,
// no policy), each backup's JSON against `JSON.stringify` of the object `generateEmulatorData`
// would build from the same values (its `makeItem`): the writer's slots and offsets must
// hold for any server, not only for the generated data's 1–3 volumes.

const text = fc.string({ unit: 'binary', maxLength: 12 });
const server: fc.Arbitrary<GeneratedServer> = fc.record({
  resourceId: fc.uuid(),
  resourceName: text,
  az: text,
  policyId: fc.option(fc.uuid(), { nil: undefined }),
  tags: fc.array(fc.record({ key: text, value: text }), { maxLength: 4 }),
  backupData: fc.dictionary(text, fc.oneof(text, fc.integer())),
  images: fc.array(fc.record({ image_id: fc.uuid() }), { maxLength: 2 }),
  volumes: fc.array(fc.record({ id: fc.uuid(), name: text, size: fc.integer({ min: 1, max: 4000 }) }), {
    maxLength: maxVolumes,
  }),
});
interface Backup {
  server: number;
  auto: boolean;
  digits: number;
  status: (typeof checkpointStatuses)[number];
  seed: number;
  created: number;
  updated: number;
  protected: number;
}
// Whole microseconds that a double holds exactly (years 1685 to 2255).
const micros = fc.integer({ min: -9_000_000_000_000_000, max: 9_000_000_000_000_000 });
const backup: fc.Arbitrary<Backup> = fc.record({
  server: fc.nat(),
  auto: fc.boolean(),
  digits: fc.integer({ min: 0, max: 0xffff }),
  status: fc.constantFrom(...checkpointStatuses),
  seed: fc.integer({ min: 0, max: 0xffffffff }),
  created: micros,
  updated: micros,
  protected: micros,
});

function columnsOf(servers: GeneratedServer[], backups: Backup[]) {
  const random = createRandom(backups.length);
  // As the generator: only a server with a policy has automatic backups.
  backups = backups.map((b) => ({
    ...b,
    auto: b.auto && servers[b.server % servers.length]!.policyId !== undefined,
  }));
  const n = backups.length;
  const ids = new Uint8Array(36 * n);
  const checkpointIds = new Uint8Array(36 * n);
  for (let row = 0; row < n; row++) {
    random.uuidInto(ids, 36 * row);
    random.uuidInto(checkpointIds, 36 * row);
  }
  const columns: ItemColumns = {
    ids: new Uint32Array(ids.buffer),
    checkpointIds: new Uint32Array(checkpointIds.buffer),
    nameCodes: Uint32Array.from(backups, (b) => (b.auto ? 0x10000 : 0) | b.digits),
    auto: Uint8Array.from(backups, (b) => (b.auto ? 1 : 0)),
    status: Uint8Array.from(backups, (b) => checkpointStatuses.indexOf(b.status)),
    server: Uint32Array.from(backups, (b) => b.server % servers.length),
    created: Float64Array.from(backups, (b) => b.created),
    updated: Float64Array.from(backups, (b) => b.updated),
    protected: Float64Array.from(backups, (b) => b.protected),
    seeds: Uint32Array.from(backups, (b) => b.seed),
    pieces: new ServerPieces(servers),
  };
  return { columns, ids, checkpointIds };
}

/** `makeItem` of generate-data.ts, from the columns' values. */
function objectOf(
  servers: GeneratedServer[],
  { columns, ids, checkpointIds }: ReturnType<typeof columnsOf>,
  row: number,
): CheckpointItem {
  const text = (bytes: Uint8Array) => Buffer.from(bytes.subarray(36 * row, 36 * row + 36)).toString('latin1');
  const s = servers[columns.server[row]!]!;
  const auto = columns.auto[row] === 1;
  const item: CheckpointItem = {
    id: text(ids),
    checkpoint_id: text(checkpointIds),
    name: generatedName(columns.nameCodes[row]!),
    description: auto ? 'backup created by policy' : '',
    status: checkpointStatuses[columns.status[row]!]!,
    resource_id: s.resourceId,
    resource_type: 'OS::Nova::Server',
    created_at: listingTimeOfMicros(columns.created[row]!),
    updated_at: listingTimeOfMicros(columns.updated[row]!),
    protected_at: listingTimeOfMicros(columns.protected[row]!),
    expired_at: null,
    periodic_type: null,
    progress: null,
    policy_id: auto ? s.policyId : null,
    tags: s.tags,
    backup_data: s.backupData,
    extend_info: null,
    replication_records: [],
  };
  item.extend_info = new GeneratedExtendInfo(s, item, columns.seeds[row]!) as unknown as ExtendInfo;
  return item;
}

describe('writeGeneratedItem', () => {
  it('writes what JSON.stringify writes, for any server and backup (fast-check)', () => {
    const out = new JsonBytes(256);
    fc.assert(
      fc.property(
        fc.array(server, { minLength: 1, maxLength: 4 }),
        fc.array(backup, { minLength: 1, maxLength: 6 }),
        (servers, backups) => {
          const built = columnsOf(servers, backups);
          // A page of them, as a page is written: each after the one before, in one body.
          out.reset();
          const ends: number[] = [];
          for (let row = 0; row < backups.length; row++) {
            writeGeneratedItem(out, built.columns, row);
            ends.push(out.length);
            writeGeneratedResource(out, built.columns, row);
            ends.push(out.length);
          }
          const page = out.toString();
          const bytes = Buffer.from(page, 'utf8');
          let at = 0;
          for (let row = 0; row < backups.length; row++) {
            const item = objectOf(servers, built, row);
            const resource = {
              resource_id: item.id,
              resource_name: item.name,
              resource_detail: item,
              tags: item.tags,
            };
            expect(bytes.toString('utf8', at, ends[2 * row]!)).toBe(JSON.stringify(item));
            expect(bytes.toString('utf8', ends[2 * row]!, ends[2 * row + 1]!)).toBe(JSON.stringify(resource));
            at = ends[2 * row + 1]!;
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('writes every generated name from its code', () => {
    // With a policy, so that codes from 65536 on stay automatic backups' (see `columnsOf`).
    const servers = [
      { ...fc.sample(server, 1)[0]!, policyId: '00000000-0000-4000-8000-000000000000', volumes: [] },
    ];
    const backups = Array.from({ length: 0x20000 }, (_, code) => ({
      server: 0,
      auto: code >= 0x10000,
      digits: code & 0xffff,
      status: 'available' as const,
      seed: code,
      created: 0,
      updated: 0,
      protected: 0,
    }));
    const { columns } = columnsOf(servers, backups);
    const out = new JsonBytes();
    for (let code = 0; code < backups.length; code++) {
      writeGeneratedResource(out.reset(), columns, code);
      const name = (JSON.parse(out.toString()) as { resource_name: string }).resource_name;
      if (name !== generatedName(code)) expect(name).toBe(generatedName(code));
    }
  });

  it('refuses a server with more volumes than the writer holds draws for', () => {
    const [s] = fc.sample(server, 1);
    const volume = { id: '00000000-0000-4000-8000-000000000000', name: 'v', size: 1 };
    expect(() => new ServerPieces([{ ...s!, volumes: Array(maxVolumes + 1).fill(volume) }])).toThrow(
      /at most 8 volumes/,
    );
  });
});
