import { describe, expect, it } from 'vitest';
import { apiUrl, resolveEndpoint } from './endpoint.js';
import { CsbsValidationError } from './errors/other-errors.js';

describe('resolveEndpoint', () => {
  it.each([
    [{ endpoint: 'http://127.0.0.1:8080' }, 'http://127.0.0.1:8080'],
    [{ endpoint: 'http://127.0.0.1:8080/' }, 'http://127.0.0.1:8080'],
    [{ endpoint: 'https://gw.example.com/csbs/' }, 'https://gw.example.com/csbs'],
    [{ endpoint: 'https://gw.example.com/a/b//' }, 'https://gw.example.com/a/b'],
    [{ endpoint: 'https://user:pw@gw.example.com' }, 'https://gw.example.com'],
    [{ endpoint: 'http://127.0.0.1:1', cloud: 'otc' as const, region: 'xx' }, 'http://127.0.0.1:1'],
    [{ region: 'ap-southeast-1' }, 'https://csbs.ap-southeast-1.myhuaweicloud.com'],
    [{ cloud: 'huaweicloud' as const, region: 'cn-north-4' }, 'https://csbs.cn-north-4.myhuaweicloud.com'],
    [{ cloud: 'otc' as const }, 'https://csbs.eu-de.otc.t-systems.com'],
    [{ cloud: 'otc' as const, region: 'eu-de' }, 'https://csbs.eu-de.otc.t-systems.com'],
  ])('%j → %s', (options, expected) => {
    expect(resolveEndpoint(options)).toBe(expected);
  });

  it.each([
    [{ cloud: 'otc' as const, region: 'eu-nl' }, 'region'],
    [{ cloud: 'huaweicloud' as const }, 'region'],
    [{ region: 'ap southeast' }, 'region'],
    [{ cloud: 'aws' as never, region: 'x' }, 'cloud'],
    [{ endpoint: 'not a url' }, 'endpoint'],
    [{ endpoint: 'ftp://host' }, 'endpoint'],
    [{ endpoint: 'http://host/?x=1' }, 'endpoint'],
  ])('%j is a validation error on %s', (options, path) => {
    try {
      resolveEndpoint(options);
      expect.unreachable();
    } catch (error) {
      expect(CsbsValidationError.isInstance(error)).toBe(true);
      expect((error as CsbsValidationError).issues[0]?.path).toBe(path);
    }
  });
});

describe('a region without CSBS', () => {
  it.each([
    ['eu-nl', 'Open Telekom Cloud offers CSBS in eu-de only, not in "eu-nl"'],
    ['eu-ch2', 'Open Telekom Cloud offers CSBS in eu-de only, not in "eu-ch2"'],
    ['ap-southeast-1', 'Open Telekom Cloud offers CSBS in eu-de only, not in "ap-southeast-1"'],
  ])('otc %s: %s', (region, message) => {
    expect(() => resolveEndpoint({ cloud: 'otc', region })).toThrow(message);
  });
});

describe('apiUrl', () => {
  it('keeps a path prefix and encodes each segment', () => {
    expect(apiUrl('https://gw/csbs', 'p1', 'checkpoint_items', 'a/b c')).toBe(
      'https://gw/csbs/v1/p1/checkpoint_items/a%2Fb%20c',
    );
  });
});
