import type { Authorizer } from './auth/authorizer.js';
import { csbsServiceType, serviceProjectUrl } from './auth/catalog.js';
import type { CredentialsKind } from './auth/credentials.js';
import { type EndpointOptions, projectUrl, resolveEndpoint } from './endpoint.js';
import { CsbsValidationError } from './errors/other-errors.js';

/**
 * Where the project's CSBS resources are, `{endpoint}/v1/{project_id}`: known at once when
 * `endpoint` is given (or, for tokens and AK/SK, derived from `cloud` and `region`); for
 * password credentials without `endpoint`, read from the token's catalog as the OpenStack
 * tools do, falling back to the derivation. Bad `cloud`/`region` values fail in the
 * constructor, before any request.
 */
export class ServiceEndpoint {
  readonly #projectId: string;
  #projectUrl: string | undefined;
  /** With the catalog: the region to pick, and the derived endpoint to fall back on. */
  readonly #catalog: { region: string | undefined; fallback: string | undefined } | undefined;

  constructor(options: EndpointOptions, kind: CredentialsKind, projectId: string) {
    this.#projectId = projectId;
    if (kind !== 'password' || options.endpoint !== undefined) {
      this.#projectUrl = projectUrl(resolveEndpoint(options), projectId);
      return;
    }
    const derivable = options.region !== undefined || options.cloud === 'otc';
    // An unknown cloud is an error even when nothing is derived.
    if (!derivable && options.cloud !== undefined && options.cloud !== 'huaweicloud')
      resolveEndpoint(options);
    const fallback = derivable ? resolveEndpoint(options) : undefined;
    this.#catalog = {
      region: options.region ?? (options.cloud === 'otc' ? 'eu-de' : undefined),
      fallback: fallback === undefined ? undefined : projectUrl(fallback, projectId),
    };
  }

  /** The base URL without `/v1/{project_id}`, once known. */
  get base(): string | undefined {
    const project = this.#projectUrl;
    if (project === undefined) return undefined;
    const suffix = `/v1/${encodeURIComponent(this.#projectId)}`;
    return project.endsWith(suffix) ? project.slice(0, -suffix.length) : project;
  }

  /** The project URL, fetching the token (and so its catalog) when it is not known yet. */
  async projectUrl(authorizer: Authorizer, signal: AbortSignal | undefined): Promise<string> {
    if (this.#projectUrl !== undefined) return this.#projectUrl;
    const { region, fallback } = this.#catalog ?? { region: undefined, fallback: undefined };
    const catalog = await authorizer.serviceCatalog?.(signal);
    const found = serviceProjectUrl(catalog, { region, projectId: this.#projectId }, fallback);
    if (found === undefined) {
      const where = region === undefined ? '' : ` in ${region}`;
      throw new CsbsValidationError(
        [
          {
            path: 'endpoint',
            message: `the IAM token's catalog has no public ${csbsServiceType} endpoint${where}; give endpoint, or cloud and region`,
          },
        ],
        { what: 'options' },
      );
    }
    this.#projectUrl = found;
    return found;
  }
}
