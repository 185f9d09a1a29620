import { describe, expect, it } from 'vitest';
import { CliUsageError } from '../errors.js';
import { textFlag, wholeNumberFlag } from './flag-values.js';
import { listingFilters, listingTimeFlag, sortFlag } from './listing-flags.js';

describe('listingFilters', () => {
  it('maps every flag to its query parameter', () => {
    expect(
      listingFilters({
        status: 'available',
        name: ' nightly ',
        az: 'eu-de-01',
        resourceId: 'r1',
        resourceName: 'web',
        resourceType: 'OS::Nova::Server',
        since: '2026-01-01T00:00:00',
        until: '2026-01-31',
        imageType: 'backup',
        policyId: 'p1',
        checkpointId: 'c1',
        allTenants: true,
      }),
    ).toEqual({
      status: 'available',
      name: 'nightly',
      az: 'eu-de-01',
      resource_id: 'r1',
      resource_name: 'web',
      resource_type: 'OS::Nova::Server',
      start_time: '2026-01-01T00:00:00',
      end_time: '2026-01-31T23:59:59.999999',
      image_type: 'backup',
      policy_id: 'p1',
      checkpoint_id: 'c1',
      all_tenants: true,
    });
    expect(listingFilters({})).toEqual({});
  });

  it.each([
    [{ status: 'aviable' }, '--status: must be one of waiting_protect, protecting, available'],
    [{ name: '  ' }, '--name: must not be empty'],
    [{ since: '2026-02-30T00:00:00' }, '--since: must be a UTC time'],
    [{ since: '2026-02-01', until: '2026-01-01' }, '--until: must not be before --since'],
  ])('refuses %j', (flags, message) => {
    expect(() => listingFilters(flags)).toThrow(message);
  });
});

describe('listingTimeFlag', () => {
  it('takes full times, days and a trailing Z', () => {
    expect(listingTimeFlag('--since', '2026-01-31')).toBe('2026-01-31T00:00:00');
    expect(listingTimeFlag('--until', '2026-01-31')).toBe('2026-01-31T23:59:59.999999');
    expect(listingTimeFlag('--since', '2026-01-31T08:00:00.5')).toBe('2026-01-31T08:00:00.5');
    expect(listingTimeFlag('--since', '2026-01-31T08:00:00Z')).toBe('2026-01-31T08:00:00');
    expect(listingTimeFlag('--since', undefined)).toBeUndefined();
  });
});

describe('sortFlag', () => {
  it('accepts the grammar and names the broken rule', () => {
    expect(sortFlag('created_at:desc,name:asc')).toBe('created_at:desc,name:asc');
    expect(() => sortFlag('name:up')).toThrow('--sort: unknown sort direction "up" for name');
    expect(() => sortFlag('name,name')).toThrow('--sort: sort key "name" given twice');
  });
});

describe('wholeNumberFlag and textFlag', () => {
  it('reads whole numbers within a range', () => {
    expect(wholeNumberFlag('--max', '10', { min: 1 })).toBe(10);
    expect(wholeNumberFlag('--max', undefined, { min: 1 })).toBeUndefined();
    expect(wholeNumberFlag('--offset', '0', { min: 0 })).toBe(0);
  });

  it.each([
    ['0', { min: 1 }, '--n: must be 1 or more (got 0)'],
    ['1001', { min: 1, max: 1000 }, '--n: must be 1..1000 (got 1001)'],
    ['1.5', { min: 1 }, '--n: must be a whole number 1 or more (got "1.5")'],
    ['-3', { min: 0 }, '--n: must be a whole number 0 or more (got "-3")'],
    ['ten', { min: 1 }, '--n: must be a whole number'],
  ])('refuses %j', (text, range, message) => {
    expect(() => wholeNumberFlag('--n', text, range)).toThrow(message);
  });

  it('refuses an empty text flag', () => {
    expect(() => textFlag('--az', '')).toThrow(CliUsageError);
    expect(textFlag('--az', ' a ')).toBe('a');
  });
});
