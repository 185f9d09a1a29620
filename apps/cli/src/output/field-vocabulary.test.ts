import { checkpointItemSchema } from '@csbs-kit/models';
import { describe, expect, it } from 'vitest';
import { CliUsageError } from '../errors.js';
import { backupFieldNames, backupOfResource, checkFieldNames } from './field-vocabulary.js';

describe('field vocabulary', () => {
  it('is the models schema of a checkpoint item', () => {
    expect([...backupFieldNames].sort()).toEqual(Object.keys(checkpointItemSchema.shape).sort());
  });

  it('refuses unknown names, listing the known ones, and allows dotted paths below known ones', () => {
    expect(() => checkFieldNames(['id', 'nmae'], 'checkpoint-item')).toThrow(CliUsageError);
    expect(() => checkFieldNames(['id', 'nmae'], 'resource')).toThrow(
      /^--fields: unknown field "nmae"; known: id, checkpoint_id, name, .*dotted paths/,
    );
    expect(() =>
      checkFieldNames(['id', 'extend_info.resource_az', 'tags.0.key', 'backup_data.eip'], 'resource'),
    ).not.toThrow();
    expect(() => checkFieldNames(['setting', 'value'], 'setting')).not.toThrow();
    expect(() => checkFieldNames(['id'], 'setting')).toThrow(
      /unknown field "id"; known: setting, value, source$/,
    );
  });

  it('reads a tag-query resource as its backup, with the resource tags', () => {
    const resource = {
      resource_id: 'b1',
      resource_name: 'nightly',
      resource_detail: { id: 'b1', name: 'nightly', status: 'available', extend_info: { size: 10 } },
      tags: [{ key: 'env', value: 'prod' }],
    };
    expect(backupOfResource(resource)).toEqual({
      id: 'b1',
      name: 'nightly',
      status: 'available',
      extend_info: { size: 10 },
      tags: [{ key: 'env', value: 'prod' }],
    });
    expect(backupOfResource({ resource_id: 'b2', resource_name: 'x', resource_detail: null })).toEqual({
      id: 'b2',
      name: 'x',
      tags: undefined,
    });
  });
});
