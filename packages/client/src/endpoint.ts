import { type Cloud, cloudNames, clouds, isCloud, offersCsbs } from './clouds.js';
import { CsbsValidationError } from './errors/other-errors.js';
import { encodePathSegment } from './path-segment.js';

export type { Cloud } from './clouds.js';

export interface EndpointOptions {
  endpoint?: string | undefined;
  cloud?: Cloud | undefined;
  region?: string | undefined;
}

const regionPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const invalid = (path: string, message: string) =>
  new CsbsValidationError([{ path, message }], { what: 'options' });

/**
 * The CSBS base URL, without a trailing slash: `endpoint` as given (a path prefix is kept),
 * else the public endpoint of `cloud` in `region`, as the table in `clouds.ts` allows.
 */
export function resolveEndpoint(options: EndpointOptions): string {
  if (options.endpoint !== undefined) return normaliseEndpoint(options.endpoint);
  const cloud = options.cloud ?? 'huaweicloud';
  if (!isCloud(cloud)) {
    throw invalid('cloud', `must be ${cloudNames.map((name) => `"${name}"`).join(' or ')}`);
  }
  const facts = clouds[cloud];
  const region = options.region === undefined || options.region === '' ? facts.defaultRegion : options.region;
  if (region === undefined) {
    throw invalid('region', `is required with cloud "${cloud}" (e.g. ap-southeast-1)`);
  }
  if (!regionPattern.test(region)) throw invalid('region', 'must look like ap-southeast-1');
  if (!offersCsbs(cloud, region)) {
    const where = facts.csbsRegions === 'any' ? '' : ` in ${facts.csbsRegions.join(', ')} only`;
    throw invalid('region', `${facts.title} offers CSBS${where}, not in "${region}"`);
  }
  return `https://csbs.${region}.${facts.domain}`;
}

/** An http(s) base URL without query, fragment or trailing slash; `path` names the option. */
export function normaliseEndpoint(endpoint: string, path = 'endpoint'): string {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new CsbsValidationError([{ path, message: 'must be an absolute http(s) URL' }], {
      what: 'options',
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CsbsValidationError([{ path, message: 'must be an http or https URL' }], {
      what: 'options',
    });
  }
  if (url.search !== '' || url.hash !== '') {
    throw new CsbsValidationError([{ path, message: 'must not have a query or fragment' }], {
      what: 'options',
    });
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** `{base}/v1/{project_id}`: where a project's CSBS resources are, as a catalog lists it. */
export function projectUrl(base: string, projectId: string): string {
  return `${base}/v1/${encodePathSegment(projectId)}`;
}

/** `{projectUrl}/{...segments}`, each segment percent-encoded. */
export function resourceUrl(project: string, ...segments: string[]): string {
  return [project, ...segments.map(encodePathSegment)].join('/');
}

/** `{base}/v1/{project_id}/{...segments}`, each segment percent-encoded. */
export function apiUrl(base: string, projectId: string, ...segments: string[]): string {
  return resourceUrl(projectUrl(base, projectId), ...segments);
}

/**
 * The IAM base URL for calls such as `listProjects`: the option, else the password's
 * `authUrl`, else the public IAM of `cloud` when no custom `endpoint` is set; otherwise
 * `undefined` (a custom gateway's IAM cannot be guessed).
 */
export function iamEndpointOf(
  options: EndpointOptions & { iamEndpoint?: string | undefined },
  authUrl?: string,
) {
  if (options.iamEndpoint !== undefined) return normaliseEndpoint(options.iamEndpoint, 'iamEndpoint');
  if (authUrl !== undefined) return authUrl;
  if (options.endpoint !== undefined) return undefined;
  const cloud = options.cloud ?? 'huaweicloud';
  return isCloud(cloud) ? clouds[cloud].iamEndpoint : undefined;
}
