import type { KeystoneCatalogEntry } from '@csbs-kit/models';

/** The catalog type under which CSBS is registered (gophertelekomcloud's `NewCSBSService`). */
export const csbsServiceType = 'data-protect';

export interface CatalogLookup {
  type: string;
  /** When given, only endpoints of this region (`region_id`, else `region`). */
  region?: string | undefined;
  projectId: string;
}

// Some catalogs keep the project as a template, as Keystone stores it.
const projectTemplate = /\$\((?:tenant|project)_id\)s|%\((?:tenant|project)_id\)s|\{(?:tenant|project)_id\}/g;

/**
 * The public URL of a service in a token's catalog, as the OpenStack tools pick it: the
 * entries of that type, their `public` endpoints, of the region when one is configured, the
 * first match. Without a trailing slash; `undefined` when there is none.
 */
export function catalogEndpoint(
  catalog: readonly KeystoneCatalogEntry[] | null | undefined,
  lookup: CatalogLookup,
): string | undefined {
  for (const entry of catalog ?? []) {
    if (entry.type !== lookup.type) continue;
    for (const endpoint of entry.endpoints) {
      if ((endpoint.interface ?? 'public') !== 'public') continue;
      const region = endpoint.region_id ?? endpoint.region;
      if (lookup.region !== undefined && region !== lookup.region) continue;
      let url: URL;
      try {
        url = new URL(endpoint.url.replace(projectTemplate, encodeURIComponent(lookup.projectId)));
      } catch {
        continue;
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') continue;
      return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
    }
  }
  return undefined;
}

/**
 * Where a project's CSBS resources are when the endpoint comes from the catalog: the
 * catalog's `data-protect` URL, else the derived `fallback` (today's `cloud`/`region` rule).
 */
export function serviceProjectUrl(
  catalog: readonly KeystoneCatalogEntry[] | null | undefined,
  lookup: Omit<CatalogLookup, 'type'>,
  fallback: string | undefined,
): string | undefined {
  return catalogEndpoint(catalog, { ...lookup, type: csbsServiceType }) ?? fallback;
}
