import fc from 'fast-check';

/*
 * Valid listing items as the Decisions of docs/api.md describe them, written from the field lists of
 * the reference pages rather than from the schemas: every documented field may be missing or
 * null (except `id`), numbers may come as numeric strings or floats, and unknown fields
 * appear at every level.
 */

const text = fc.oneof(fc.string({ maxLength: 12 }), fc.constant(null));
const numberLike = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer().map(String),
  fc.constant(null),
);
const flag = fc.oneof(fc.boolean(), fc.constant(null));
const unknownFields = fc.dictionary(
  fc.constantFrom('x', 'extra', 'az_new', 'Code2'),
  fc.jsonValue({ maxDepth: 2 }),
  { maxKeys: 2 },
);

/** A record of optional fields with a few unknown ones mixed in. */
function loose<T extends Record<string, fc.Arbitrary<unknown>>>(
  fields: T,
  requiredKeys: (keyof T & string)[] = [],
): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(fc.record(fields, { requiredKeys, noNullPrototype: true }), unknownFields)
    .map(([known, extra]) => ({ ...extra, ...known }));
}

const listOf = <T>(item: fc.Arbitrary<T>) => fc.oneof(fc.array(item, { maxLength: 3 }), fc.constant(null));

export const textFields = ['checkpoint_id', 'name', 'description', 'status', 'resource_id', 'resource_type'];

export const volumeBackup = loose({
  average_speed: numberLike,
  bootable: flag,
  id: text,
  image_type: text,
  incremental: flag,
  name: text,
  size: numberLike,
  source_volume_id: text,
  source_volume_size: numberLike,
  space_saving_ratio: numberLike,
  status: text,
  source_volume_name: text,
  snapshot_id: text,
});

export const extendInfo = loose({
  auto_trigger: flag,
  average_speed: numberLike,
  copy_from: text,
  copy_status: text,
  fail_code: fc.oneof(
    loose({ Code: fc.oneof(fc.string(), fc.integer(), fc.constant(null)), Description: text }),
    fc.constant(null),
  ),
  fail_op: text,
  fail_reason: text,
  image_type: text,
  incremental: flag,
  progress: numberLike,
  resource_az: text,
  resource_name: text,
  resource_type: text,
  size: numberLike,
  space_saving_ratio: numberLike,
  volume_backups: listOf(volumeBackup),
  finished_at: text,
  supported_restore_mode: text,
  os_images_data: listOf(loose({ image_id: text })),
  support_lld: flag,
  taskid: text,
  hypervisor_type: text,
  dec_size: numberLike,
});

export const backupData = loose({
  __openstack_region_name: text,
  cloudservicetype: text,
  disk: numberLike,
  imagetype: text,
  ram: numberLike,
  vcpus: numberLike,
  eip: text,
  private_ip: text,
});

export const checkpointItem = loose(
  {
    id: fc.string({ maxLength: 36 }),
    ...Object.fromEntries(textFields.map((f) => [f, text])),
    created_at: text,
    updated_at: text,
    protected_at: text,
    expired_at: text,
    periodic_type: fc.jsonValue({ maxDepth: 1 }),
    progress: numberLike,
    policy_id: text,
    tags: listOf(loose({ key: fc.string({ maxLength: 8 }), value: text }, ['key'])),
    backup_data: fc.oneof(backupData, fc.constant(null)),
    extend_info: fc.oneof(extendInfo, fc.constant(null)),
    replication_records: listOf(fc.jsonValue({ maxDepth: 1 })),
  },
  ['id'],
);

/**
 * An item with every container present and one element in every list, so that every
 * documented field has a place to be mutated.
 */
export const fullItem = fc
  .tuple(checkpointItem, backupData, extendInfo, volumeBackup)
  .map(([item, backup, extend, volume]) => ({
    ...item,
    tags: [{ key: 'k', value: 'v' }],
    replication_records: [{ region: 'eu-nl' }],
    backup_data: backup,
    extend_info: {
      ...extend,
      fail_code: { Code: 'c', Description: 'd' },
      volume_backups: [volume],
      os_images_data: [{ image_id: 'i' }],
    },
  }));

/** What a mutation puts at a documented field: every JSON type, and `missing` (the key removed). */
export const replacements: [string, () => unknown][] = [
  ['null', () => null],
  ['an integer', () => 7],
  ['a float', () => 2.5],
  ['a numeric string', () => '42'],
  ['a string', () => 'text'],
  ['true', () => true],
  ['false', () => false],
  ['an empty object', () => ({})],
  ['an object', () => ({ id: 'x', key: 'k' })],
  ['an empty array', () => []],
  ['an array', () => [{ id: 'x', key: 'k' }, 1]],
  ['missing', () => undefined],
];
