import type { KeystoneCatalogEntry } from '@csbs-kit/models';
import { describe, expect, it } from 'vitest';
import { catalogEndpoint, serviceProjectUrl } from './catalog.js';

const entry = (type: string, endpoints: KeystoneCatalogEntry['endpoints']): KeystoneCatalogEntry => ({
  type,
  name: type,
  endpoints,
});
const catalog = [
  entry('identity', [{ interface: 'public', region: 'eu-de', url: 'https://iam.example/v3' }]),
  entry('data-protect', [
    { interface: 'internal', region: 'eu-de', url: 'https://internal.example/v1/p' },
    { interface: 'public', region: 'eu-nl', region_id: 'eu-nl', url: 'https://csbs.eu-nl.example/v1/p/' },
    { interface: 'public', region: 'eu-de', url: 'https://csbs.eu-de.example/v1/p' },
  ]),
];

describe('catalogEndpoint', () => {
  it.each<[string | undefined, string | undefined]>([
    ['eu-de', 'https://csbs.eu-de.example/v1/p'],
    ['eu-nl', 'https://csbs.eu-nl.example/v1/p'],
    [undefined, 'https://csbs.eu-nl.example/v1/p'],
    ['ap-southeast-1', undefined],
  ])('region %s → %s (public only, first match, no trailing slash)', (region, url) => {
    expect(catalogEndpoint(catalog, { type: 'data-protect', region, projectId: 'p' })).toBe(url);
  });

  it('fills a project template, as Keystone may store it', () => {
    const templated = [
      entry('data-protect', [{ interface: 'public', url: 'https://c.example/v1/$(tenant_id)s' }]),
    ];
    expect(catalogEndpoint(templated, { type: 'data-protect', projectId: 'p 1' })).toBe(
      'https://c.example/v1/p%201',
    );
  });

  it('has nothing for an absent catalog, another type, or an unusable URL', () => {
    expect(catalogEndpoint(undefined, { type: 'data-protect', projectId: 'p' })).toBeUndefined();
    expect(catalogEndpoint(null, { type: 'data-protect', projectId: 'p' })).toBeUndefined();
    expect(catalogEndpoint(catalog, { type: 'volumev2', projectId: 'p' })).toBeUndefined();
    const bad = [entry('data-protect', [{ url: 'not a url' }, { url: 'ftp://x/v1/p' }])];
    expect(catalogEndpoint(bad, { type: 'data-protect', projectId: 'p' })).toBeUndefined();
  });
});

describe('serviceProjectUrl', () => {
  const derived = 'https://csbs.eu-de.otc.t-systems.com/v1/p';
  it('prefers the catalog and falls back to the derived endpoint when it has none', () => {
    expect(serviceProjectUrl(catalog, { region: 'eu-de', projectId: 'p' }, derived)).toBe(
      'https://csbs.eu-de.example/v1/p',
    );
    expect(serviceProjectUrl([catalog[0]!], { region: 'eu-de', projectId: 'p' }, derived)).toBe(derived);
    expect(serviceProjectUrl(undefined, { region: 'eu-de', projectId: 'p' }, derived)).toBe(derived);
    expect(serviceProjectUrl(catalog, { region: 'sa-brazil-1', projectId: 'p' }, undefined)).toBeUndefined();
  });
});
