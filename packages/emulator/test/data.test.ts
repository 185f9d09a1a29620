import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkpointItemSchema, resourceTagSchema } from '@csbs-kit/models';
import { afterAll, describe, expect, it } from 'vitest';
import { demoCredentials } from '../src/demo-credentials.js';
import {
  type EmulatorData,
  EmulatorDataError,
  generateEmulatorData,
  loadEmulatorDataFile,
  startEmulator,
  validateEmulatorData,
} from '../src/index.js';
import { fixtureData } from './fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'csbs-emulator-data-'));
const writeData = (name: string, content: string) => {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
};
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function dataError(run: () => unknown): EmulatorDataError {
  try {
    run();
  } catch (error) {
    if (EmulatorDataError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected an EmulatorDataError');
}

describe('validateEmulatorData', () => {
  it('accepts the fixture and keeps items as given', () => {
    const data = fixtureData();
    const valid = validateEmulatorData(data);
    expect(valid.projects['proj-a']!.checkpoint_items[0]).toBe(data.projects['proj-a']!.checkpoint_items[0]);
  });

  it.each<[string, (d: EmulatorData) => void, Partial<EmulatorDataError>]>([
    [
      'an item without id',
      (d) => {
        delete (d.projects['proj-a']!.checkpoint_items[2] as { id?: string }).id;
      },
      { project: 'proj-a', itemIndex: 2, field: 'id' },
    ],
    [
      'a duplicate id',
      (d) => {
        d.projects['proj-b']!.checkpoint_items[1]!.id = 'a01';
      },
      { project: 'proj-b', itemIndex: 1, field: 'id' },
    ],
    [
      'a tag key with a space',
      (d) => {
        d.projects['proj-a']!.checkpoint_items[0]!.tags = [{ key: 'a b', value: '' }];
      },
      { itemIndex: 0, field: 'tags[0].key' },
    ],
    [
      'a tag value too long',
      (d) => {
        d.projects['proj-a']!.checkpoint_items[1]!.tags = [{ key: 'k', value: 'v'.repeat(44) }];
      },
      { itemIndex: 1, field: 'tags[0].value', reason: 'at most 43 characters' },
    ],
    [
      'a duplicate tag key',
      (d) => {
        d.projects['proj-a']!.checkpoint_items[1]!.tags = [
          { key: 'k', value: '' },
          { key: 'k', value: 'x' },
        ];
      },
      { itemIndex: 1, field: 'tags[1].key' },
    ],
    [
      'a duplicate tag key further back',
      (d) => {
        d.projects['proj-a']!.checkpoint_items[1]!.tags = [
          { key: 'k', value: '' },
          { key: 'other', value: 'x' },
          { key: 'k', value: 'y' },
        ];
      },
      { itemIndex: 1, field: 'tags[2].key', reason: 'duplicate tag key "k"' },
    ],
    [
      'a duplicate tag key among many tags',
      (d) => {
        d.projects['proj-a']!.checkpoint_items[1]!.tags = [
          ...Array.from({ length: 20 }, (_, i) => ({ key: `k${i}`, value: '' })),
          { key: 'k7', value: 'x' },
        ];
      },
      { itemIndex: 1, field: 'tags[20].key', reason: 'duplicate tag key "k7"' },
    ],
    [
      'a wrong type',
      (d) => {
        (d.projects['proj-a']!.checkpoint_items[4] as Record<string, unknown>).name = 42;
      },
      { itemIndex: 4, field: 'name' },
    ],
    [
      'a bad credential',
      (d) => {
        (d.credentials![3] as unknown as Record<string, unknown>).secret_key = '';
      },
      { field: 'credentials[3].secret_key' },
    ],
    [
      'an unknown top-level field',
      (d) => {
        (d as unknown as Record<string, unknown>).credential = [];
      },
      { field: 'credential' },
    ],
  ])('names project, item and field for %s', (_, breakIt, expected) => {
    const data = fixtureData();
    breakIt(data);
    const error = dataError(() => validateEmulatorData(data));
    expect(error.code).toBe('EMULATOR_DATA_INVALID');
    expect(error.name).toBe('EmulatorDataError');
    expect(error).toMatchObject(expected);
  });
});

describe('loadEmulatorDataFile', () => {
  it('loads a valid file', () => {
    const file = writeData('ok.json', JSON.stringify(fixtureData()));
    expect(loadEmulatorDataFile(file).projects['proj-b']!.checkpoint_items).toHaveLength(2);
  });

  it('names the file in every error', () => {
    const missing = dataError(() => loadEmulatorDataFile(join(dir, 'missing.json')));
    expect(missing.message).toContain('missing.json');
    const badJson = dataError(() => loadEmulatorDataFile(writeData('bad.json', '{"projects": ')));
    expect(badJson.message).toMatch(/bad\.json: not valid JSON/);
    const data = fixtureData();
    data.projects['proj-a']!.checkpoint_items[6]!.tags = [{ key: 'env', value: 'a/b' }];
    const file = writeData('tag.json', JSON.stringify(data));
    const error = dataError(() => loadEmulatorDataFile(file));
    expect(error).toMatchObject({ file, project: 'proj-a', itemIndex: 6, field: 'tags[0].value' });
    expect(error.message).toBe(
      `file ${file}, project proj-a, checkpoint_items[6], field tags[0].value: only letters, digits, "-" and "_"`,
    );
  });

  it('stops startEmulator before it listens', async () => {
    const file = writeData(
      'dup.json',
      JSON.stringify({ projects: { p: { checkpoint_items: [{ id: 'x' }, { id: 'x' }] } } }),
    );
    await expect(startEmulator({ dataFile: file })).rejects.toMatchObject({
      code: 'EMULATOR_DATA_INVALID',
      itemIndex: 1,
    });
  });
});

describe('generateEmulatorData', () => {
  const data = generateEmulatorData({ count: 3000, seed: 5 });
  const items = data.projects[demoCredentials.projectId]!.checkpoint_items;
  const other = data.projects[demoCredentials.otherProjectId]!.checkpoint_items;

  it('is deterministic for a seed and differs across seeds', () => {
    expect(JSON.stringify(generateEmulatorData({ count: 200, seed: 5 }))).toBe(
      JSON.stringify(generateEmulatorData({ count: 200, seed: 5 })),
    );
    expect(JSON.stringify(generateEmulatorData({ count: 200, seed: 6 }))).not.toBe(
      JSON.stringify(generateEmulatorData({ count: 200, seed: 5 })),
    );
  });

  it('makes N backups in each project, as docs/api.md says', () => {
    expect(items).toHaveLength(3000);
    expect(other).toHaveLength(3000);
    expect(new Set([...items, ...other].map((i) => i.id)).size).toBe(6000);
    expect(generateEmulatorData({ count: 0 }).projects[demoCredentials.projectId]!.checkpoint_items).toEqual(
      [],
    );
  });

  it('fills only the demo project with projects: 1, and refuses other counts', () => {
    const one = generateEmulatorData({ count: 10, seed: 5, projects: 1 });
    expect(one.projects[demoCredentials.projectId]!.checkpoint_items).toHaveLength(10);
    expect(one.projects[demoCredentials.otherProjectId]!.checkpoint_items).toHaveLength(0);
    expect(() => generateEmulatorData({ count: 10, projects: 3 })).toThrow(/generate\.projects|1 or 2/);
    expect(() => generateEmulatorData({ count: 10, projects: 0 })).toThrow(/1 or 2/);
  });

  it('makes data that passes the data-file validation, with tags within the storage rules', () => {
    const roundTripped = JSON.parse(JSON.stringify(data));
    expect(() => validateEmulatorData(roundTripped)).not.toThrow();
    for (const item of roundTripped.projects[demoCredentials.projectId].checkpoint_items.slice(0, 500)) {
      expect(checkpointItemSchema.safeParse(item).success).toBe(true);
      for (const tag of item.tags) expect(resourceTagSchema.safeParse(tag).success).toBe(true);
    }
  });

  it('looks like a real project: statuses, AZs, names, volume backups, months of history', () => {
    const statuses = new Map<string, number>();
    for (const item of items) statuses.set(item.status!, (statuses.get(item.status!) ?? 0) + 1);
    expect(statuses.get('available')! / items.length).toBeGreaterThan(0.75);
    expect(statuses.get('error')).toBeGreaterThan(0);
    const failed = JSON.parse(JSON.stringify(items.find((i) => i.status === 'error')));
    expect(failed.extend_info.fail_reason).not.toBe('');
    expect(failed.extend_info.fail_code.Code).toMatch(/^BackupService\./);
    expect(new Set(items.map((i) => i.extend_info?.resource_az))).toEqual(
      new Set(['eu-de-01', 'eu-de-02', 'eu-de-03']),
    );
    expect(items.every((i) => /^(autobk|manualbk)_[0-9a-f]{4}$/.test(i.name!))).toBe(true);
    expect(items.some((i) => typeof i.policy_id === 'string')).toBe(true);
    const times = items.map((i) => i.created_at!).sort();
    const spanDays = (Date.parse(`${times.at(-1)}Z`) - Date.parse(`${times[0]}Z`)) / 86_400_000;
    expect(spanDays).toBeGreaterThan(150);
    const json = JSON.parse(JSON.stringify(items[0]));
    expect(json.extend_info.volume_backups.length).toBeGreaterThan(0);
    expect(json.extend_info.volume_backups[0]).toMatchObject({
      image_type: 'backup',
      source_volume_id: expect.any(String),
    });
    expect(items[0]!.extend_info!.volume_backups).toEqual(json.extend_info.volume_backups);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  });

  it('refuses a bad count', () => {
    expect(() => generateEmulatorData({ count: -1 })).toThrow(EmulatorDataError);
    expect(() => generateEmulatorData({ count: 1.5 })).toThrow(/generate\.count/);
  });
});
