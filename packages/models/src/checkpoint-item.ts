import { z } from 'zod';
import { flag, numberLike, text } from './lenient.js';
import { responseTagSchema } from './tag.js';

/** `extend_info.fail_code`: `{}` when the backup did not fail. */
export const failCodeSchema = z.looseObject({
  Code: z.union([z.string(), z.number()]).nullish(),
  Description: text,
});
export type FailCode = z.infer<typeof failCodeSchema>;

/** One entry of `extend_info.os_images_data`. */
export const imageDataSchema = z.looseObject({ image_id: text });
export type ImageData = z.infer<typeof imageDataSchema>;

/** One disk's backup inside a server backup (`extend_info.volume_backups`). */
export const volumeBackupSchema = z.looseObject({
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
export type VolumeBackup = z.infer<typeof volumeBackupSchema>;

export const extendInfoSchema = z.looseObject({
  auto_trigger: flag,
  average_speed: numberLike,
  copy_from: text,
  copy_status: text,
  fail_code: failCodeSchema.nullish(),
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
  volume_backups: z.array(volumeBackupSchema).nullish(),
  finished_at: text,
  supported_restore_mode: text,
  os_images_data: z.array(imageDataSchema).nullish(),
  support_lld: flag,
  taskid: text,
  hypervisor_type: text,
  dec_size: numberLike,
});
export type ExtendInfo = z.infer<typeof extendInfoSchema>;

/** What the backed-up server looked like (`backup_data`). */
export const backupDataSchema = z.looseObject({
  __openstack_region_name: text,
  cloudservicetype: text,
  disk: numberLike,
  imagetype: text,
  ram: numberLike,
  vcpus: numberLike,
  eip: text,
  private_ip: text,
});
export type BackupData = z.infer<typeof backupDataSchema>;

/**
 * One backup as the listing returns it. Only `id` is required: live responses omit
 * `created_at`, `updated_at` and `tags`, and send `null` for several documented fields.
 * Unknown fields are kept. `status` stays a plain string, since the pages themselves show
 * values (`"aviable"`) outside the documented set.
 */
export const checkpointItemSchema = z.looseObject({
  id: z.string(),
  checkpoint_id: text,
  name: text,
  description: text,
  status: text,
  resource_id: text,
  resource_type: text,
  created_at: text,
  updated_at: text,
  protected_at: text,
  expired_at: text,
  periodic_type: z.unknown().optional(),
  progress: numberLike,
  policy_id: text,
  tags: z.array(responseTagSchema).nullish(),
  backup_data: backupDataSchema.nullish(),
  extend_info: extendInfoSchema.nullish(),
  replication_records: z.array(z.unknown()).nullish(),
});
export type CheckpointItem = z.infer<typeof checkpointItemSchema>;
