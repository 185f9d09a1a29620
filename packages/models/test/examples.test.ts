import { describe, expect, it } from 'vitest';
import {
  checkpointItemSchema,
  getCheckpointItemResponseSchema,
  listCheckpointItemsResponseSchema,
  resourceInstancesCountRequestSchema,
  resourceInstancesFilterRequestSchema,
  resourceInstancesFilterResponseSchema,
  resourceInstancesRequestSchema,
  resourceSchema,
} from '../src/index.js';
import { readExample } from './support.js';

/** Adds an unknown field to every object in a JSON value, so pass-through can be checked everywhere. */
function withUnknownFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withUnknownFields);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = withUnknownFields(v);
    out.x_unknown = { nested: [1, 'two', null] };
    return out;
  }
  return value;
}

describe('the spec examples', () => {
  it.each([
    ['resource-instances.filter.request.json', 'filter'],
    ['resource-instances.count.request.json', 'count'],
  ])('%s is a valid tag-query request, returned unchanged', (file, action) => {
    const body = readExample(file);
    const parsed = resourceInstancesRequestSchema.parse(body);
    expect(parsed.action).toBe(action);
    expect(parsed).toStrictEqual(body);
    const specific =
      action === 'filter' ? resourceInstancesFilterRequestSchema : resourceInstancesCountRequestSchema;
    expect(specific.parse(body)).toStrictEqual(body);
  });

  it('the listing example parses unchanged, with and without unknown fields', () => {
    const body = readExample('checkpoint-items.response.json');
    expect(listCheckpointItemsResponseSchema.parse(body)).toStrictEqual(body);
    const extended = withUnknownFields(body);
    expect(listCheckpointItemsResponseSchema.parse(extended)).toStrictEqual(extended);
  });

  it('the listing example keeps its odd values as sent', () => {
    const page = listCheckpointItemsResponseSchema.parse(readExample('checkpoint-items.response.json'));
    const item = page.checkpoint_items[0];
    expect(item?.extend_info?.fail_code).toStrictEqual({});
    expect(item?.backup_data?.ram).toBe(4096);
    expect(item?.extend_info?.volume_backups).toHaveLength(2);
  });

  it('the resource-detail example is a checkpoint item, unchanged, with unknown fields kept', () => {
    const detail = readExample('resource-detail.example.json');
    expect(checkpointItemSchema.parse(detail)).toStrictEqual(detail);
    const extended = withUnknownFields(detail);
    expect(checkpointItemSchema.parse(extended)).toStrictEqual(extended);
    expect(getCheckpointItemResponseSchema.parse({ checkpoint_item: extended })).toStrictEqual({
      checkpoint_item: extended,
    });
  });

  it('the resource-detail example parses inside a resource and a filter response', () => {
    const detail = readExample('resource-detail.example.json') as Record<string, unknown>;
    const resource = {
      resource_id: detail.id,
      resource_name: detail.name,
      resource_detail: detail,
      tags: detail.tags,
    };
    expect(resourceSchema.parse(resource)).toStrictEqual(resource);
    const response = { resources: [resource, withUnknownFields(resource)], total_count: 1000 };
    expect(resourceInstancesFilterResponseSchema.parse(response)).toStrictEqual(response);
  });

  it('keeps "aviable", the page\'s typo, as a plain string', () => {
    const detail = checkpointItemSchema.parse(readExample('resource-detail.example.json'));
    expect(detail.status).toBe('aviable');
    expect(detail.extend_info?.copy_from).toBeNull();
  });
});
