import { checkpointStatuses } from '@csbs-kit/models';
import { type Run, runOf, uuidSlot } from './byte-writing.js';
import * as words from './generator-vocabulary.js';

/*
 * The runs of text that generated backups share whatever their server, by the variants
 * they come in, and where the slots inside them start (see generated-item-json.ts).
 */

const json = (value: unknown) => JSON.stringify(value);

/**
 * A generated name is a prefix and four hex digits of its code's low 16 bits, low nibble
 * first (`generatedName`: codes from 65536 on are automatic backups'), so it is written from
 * the code, as the digits in a run that holds the prefix: no string to read. A test checks
 * every code against `generatedName`.
 */
export const prefixes = ['manualbk_', 'autobk_'] as const;
export const prefixOf = (nameCode: number) => (nameCode >= 0x10000 ? 1 : 0);

const statusJson = checkpointStatuses.map((status) => json(status));
export const c = {
  /**
   * `{"id":"<id>","checkpoint_id":"<id>","name":"<name>","description":…,"status":"…"`, by
   * [name prefix][auto][status code]; the ids and the name's digits written into it.
   */
  head: prefixes.map((prefix) =>
    [false, true].map((auto) =>
      statusJson.map((status) =>
        runOf(
          `{"id":"${uuidSlot}","checkpoint_id":"${uuidSlot}","name":"${prefix}0000","description":${auto ? '"backup created by policy"' : '""'},"status":${status}`,
        ),
      ),
    ),
  ),
  /** From `,"copy_from"` to `"progress":`, by [failure (0: none, 1 + index)][incremental]. */
  failure: [undefined, ...words.failures].map((f) =>
    [false, true].map((incremental) =>
      runOf(
        `,"copy_from":"","copy_status":"na","fail_code":${json(f ? { Code: f.code, Description: f.reason } : {})}` +
          `,"fail_op":${json(f ? 'backup' : '')},"fail_reason":${json(f ? f.reason : '')}` +
          `,"image_type":"backup","incremental":${incremental},"progress":`,
      ),
    ),
  ),
  /** A manual backup's `policy_id` (an automatic one's is its server's: generated-server-pieces.ts). */
  noPolicy: runOf('null'),
  /** `auto_trigger`'s value and the next key, by [auto]. */
  autoTrigger: [false, true].map((auto) => runOf(`${auto},"average_speed":`)),
  ratio: runOf(',"space_saving_ratio":'),
  volumesStart: runOf(',"volume_backups":[{"average_speed":'),
  /**
   * `,"bootable":…,"id":"<uuid>","image_type":"backup","incremental":…,"name":"<name>","size":`
   * by [first volume backup][incremental][name prefix].
   */
  volumeHead: [false, true].map((first) =>
    [false, true].map((incremental) =>
      prefixes.map((prefix) =>
        runOf(
          `,"bootable":${first},"id":"${uuidSlot}","image_type":"backup","incremental":${incremental},"name":"${prefix}0000","size":`,
        ),
      ),
    ),
  ),
  /** `,"status":"…"` of a volume backup, by the backup's status code. */
  volumeStatus: checkpointStatuses.map((status) =>
    runOf(`,"status":${status === 'available' || status === 'deleted' ? '"available"' : json(status)}`),
  ),
  /** `{"resource_id":"<id>","resource_name":"<name>","resource_detail":`, by [name prefix]. */
  resourceHead: prefixes.map((prefix) =>
    runOf(`{"resource_id":"${uuidSlot}","resource_name":"${prefix}0000","resource_detail":`),
  ),
};
export const idAt = [7, 7 + 36 + 19];
export const resourceIdAt = 16;
/** Where the id starts in `volumeHead[first]`. */
export const volumeIdAt = [',"bootable":false,"id":"'.length, ',"bootable":true,"id":"'.length];
/** Where the digits of the name start in a run that holds `"<field>":"<prefix>0000"`. */
const digitsAt = (run: Run, field: string, prefix: string) =>
  Buffer.from(run.bytes).indexOf(`"${field}":"${prefix}0000"`) + field.length + 4 + prefix.length;
export const nameAt = prefixes.map((prefix, k) => digitsAt(c.head[k]![0]![0]!, 'name', prefix));
/** By [first][incremental][prefix], as `volumeHead`. */
export const volumeNameAt = c.volumeHead.map((byIncremental) =>
  byIncremental.map((byPrefix) => byPrefix.map((run, k) => digitsAt(run, 'name', prefixes[k]!))),
);
export const resourceNameAt = prefixes.map((prefix, k) =>
  digitsAt(c.resourceHead[k]!, 'resource_name', prefix),
);
