import { seededRandom } from '../../../bench/support/prng.ts';

/**
 * Deterministic, realistic listing pages for the benchmark: every documented field, the
 * odd forms real responses use (nulls, floats, `fail_code: {}`), 2–4 volume backups and
 * 0–10 tags per item.
 */

export function makeCheckpointItems(count: number, seed = 1): Record<string, unknown>[] {
  const rnd = seededRandom(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const hex = (n: number) => Array.from({ length: n }, () => int(16).toString(16)).join('');
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
  const time = (base: number) =>
    `${new Date(base + int(86_400_000)).toISOString().slice(0, 19)}.${String(int(1_000_000)).padStart(6, '0')}`;

  return Array.from({ length: count }, (_, i) => {
    const created = Date.UTC(2024, 0, 1) + i * 3_600_000;
    const serverName = `ecs-${pick(['web', 'db', 'cache', 'batch'])}-${String(i).padStart(4, '0')}`;
    const failed = rnd() < 0.1;
    const volumes = 2 + int(3);
    return {
      id: uuid(),
      checkpoint_id: uuid(),
      name: `autobk_${hex(4)}`,
      description: rnd() < 0.5 ? '' : `nightly backup of ${serverName}`,
      status: failed ? 'error' : pick(['available', 'available', 'protecting', 'deleting']),
      resource_id: uuid(),
      resource_type: 'OS::Nova::Server',
      created_at: time(created),
      updated_at: time(created + 600_000),
      protected_at: time(created + 300_000),
      expired_at: rnd() < 0.5 ? null : time(created + 30 * 86_400_000),
      periodic_type: rnd() < 0.5 ? null : 'day',
      progress: rnd() < 0.3 ? null : 100,
      policy_id: uuid(),
      tags: Array.from({ length: int(11) }, (_, t) => ({ key: `key_${t}`, value: `value-${hex(6)}` })),
      backup_data: {
        __openstack_region_name: 'eu-de',
        cloudservicetype: 'QEMU',
        disk: pick([40, 80, '100']),
        imagetype: pick(['gold', 'private', 'market', '']),
        ram: pick([2048, 4096, '8192']),
        vcpus: pick([1, 2, 4, '8']),
        eip: `80.158.${int(256)}.${int(256)}`,
        private_ip: `192.168.${int(256)}.${int(256)}`,
      },
      extend_info: {
        auto_trigger: rnd() < 0.8,
        average_speed: Math.round(rnd() * 1000) / 10,
        copy_from: pick([null, '']),
        copy_status: pick(['na', 'success']),
        fail_code: failed ? { Code: 'BackupService.6035', Description: 'snapshot failed' } : {},
        fail_op: failed ? 'backup' : '',
        fail_reason: failed ? 'snapshot failed' : '',
        image_type: 'backup',
        incremental: rnd() < 0.7,
        progress: 100,
        resource_az: pick(['eu-de-01', 'eu-de-02', 'eu-de-03']),
        resource_name: serverName,
        resource_type: 'OS::Nova::Server',
        size: int(100_000),
        space_saving_ratio: Math.round(rnd() * 100) / 100,
        volume_backups: Array.from({ length: volumes }, (_, v) => ({
          average_speed: Math.round(rnd() * 500) / 10,
          bootable: v === 0,
          id: uuid(),
          image_type: 'backup',
          incremental: rnd() < 0.7,
          name: `autobk_${hex(4)}`,
          size: int(50_000),
          source_volume_id: uuid(),
          source_volume_size: pick([40, 100, 200]),
          space_saving_ratio: Math.round(rnd() * 100) / 100,
          status: 'available',
          source_volume_name: `${serverName}-disk${v}`,
          snapshot_id: uuid(),
        })),
        finished_at: time(created + 600_000),
        supported_restore_mode: pick(['na', 'snapshot', 'backup']),
        os_images_data: [{ image_id: uuid() }],
        support_lld: rnd() < 0.5,
        taskid: uuid(),
        hypervisor_type: 'QEMU',
        dec_size: 0,
      },
      replication_records: [],
    };
  });
}
