import { CsbsValidationError } from './errors/other-errors.js';
import { encodePathSegment } from './path-segment.js';

export type Cloud = 'huaweicloud' | 'otc';

export interface EndpointOptions {
  endpoint?: string | undefined;
  cloud?: Cloud | undefined;
  region?: string | undefined;
}

const otcRegions = new Set(['eu-de']);
const regionPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * The CSBS base URL, without a trailing slash: `endpoint` as given (a path prefix is kept),
 * else the public endpoint of `cloud` in `region`.
 */
export function resolveEndpoint(options: EndpointOptions): string {
  if (options.endpoint !== undefined) return normaliseEndpoint(options.endpoint);
  const cloud = options.cloud ?? 'huaweicloud';
  if (cloud === 'otc') {
    const region = options.region ?? 'eu-de';
    if (!otcRegions.has(region)) {
      throw new CsbsValidationError(
        [{ path: 'region', message: `Open Telekom Cloud offers CSBS in eu-de only, not "${region}"` }],
        { what: 'options' },
      );
    }
    return 'https://csbs.eu-de.otc.t-systems.com';
  }
  if (cloud !== 'huaweicloud') {
    throw new CsbsValidationError([{ path: 'cloud', message: 'must be "huaweicloud" or "otc"' }], {
      what: 'options',
    });
  }
  if (options.region === undefined || options.region === '') {
    throw new CsbsValidationError(
      [{ path: 'region', message: 'is required with cloud "huaweicloud" (e.g. ap-southeast-1)' }],
      { what: 'options' },
    );
  }
  if (!regionPattern.test(options.region)) {
    throw new CsbsValidationError([{ path: 'region', message: 'must look like ap-southeast-1' }], {
      what: 'options',
    });
  }
  return `https://csbs.${options.region}.myhuaweicloud.com`;
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
  return (options.cloud ?? 'huaweicloud') === 'otc'
    ? 'https://iam.eu-de.otc.t-systems.com'
    : 'https://iam.myhuaweicloud.com';
}
