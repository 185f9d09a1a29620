import { CsbsClient, CsbsValidationError } from '@csbs-kit/client';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../test/helpers/memory-stream.js';
import { run } from '../run.js';
import { clientSettingsFrom, cloudFor } from './client-options.js';

// The CLI picks the cloud from the client's table, and the client then agrees with it: a
// region the CLI calls Open Telekom Cloud either resolves there or fails naming eu-de.
const env = (value: string) => ({ value, source: 'env X' });

describe('the cloud of a region, as the CLI reads it', () => {
  it.each([
    [{ region: env('eu-de') }, 'otc'],
    [{ region: env('eu-nl') }, 'otc'],
    [{ region: env('eu-ch2') }, 'otc'],
    [{ region: env('ap-southeast-1') }, 'huaweicloud'],
    [{ region: env('eu-west-0') }, 'huaweicloud'],
    [{ authUrl: env('https://iam.eu-de.otc.t-systems.com/v3') }, 'otc'],
    [{ authUrl: env('https://iam.ap-southeast-1.myhuaweicloud.com/v3') }, 'huaweicloud'],
    [{ authUrl: env('http://127.0.0.1:5000/v3') }, 'huaweicloud'],
    [{}, 'huaweicloud'],
  ])('%j → %s', (settings, cloud) => {
    expect(cloudFor(settings)).toBe(cloud);
  });
});

describe('the client accepts the cloud the CLI picked', () => {
  const client = (region: string) =>
    new CsbsClient(clientSettingsFrom({ token: env('t'), projectId: env('p'), region: env(region) }));

  it.each([
    ['eu-de', 'https://csbs.eu-de.otc.t-systems.com'],
    ['ap-southeast-1', 'https://csbs.ap-southeast-1.myhuaweicloud.com'],
  ])('%s → %s', async (region, endpoint) => {
    const c = client(region);
    expect(c.endpoint).toBe(endpoint);
    await c.close();
  });

  it.each(['eu-nl', 'eu-ch2'])('%s: a validation error on region naming eu-de', (region) => {
    try {
      client(region);
      expect.unreachable();
    } catch (error) {
      expect(CsbsValidationError.isInstance(error)).toBe(true);
      expect((error as CsbsValidationError).issues).toEqual([
        { path: 'region', message: `Open Telekom Cloud offers CSBS in eu-de only, not in "${region}"` },
      ]);
    }
  });

  it('csbs with OS_REGION_NAME=eu-nl exits non-zero with one line naming eu-de, before any request', async () => {
    const io = memoryIo({
      env: { OS_REGION_NAME: 'eu-nl', OS_AUTH_TOKEN: 'secret-token', OS_PROJECT_ID: 'p' },
    });
    const code = await run(['backups', 'count'], io);
    expect(code).not.toBe(0);
    expect(io.stdout.text).toBe('');
    const lines = io.stderr.text.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/region.*Open Telekom Cloud offers CSBS in eu-de only, not in "eu-nl"/);
    expect(io.stderr.text).not.toContain('secret-token');
  });
});
