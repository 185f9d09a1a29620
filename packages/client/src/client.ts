import {
  type CheckpointItem,
  type CountCheckpointItemsQuery,
  countCheckpointItemsResponseSchema,
  getCheckpointItemResponseSchema,
  type KeystoneProject,
  keystoneProjectsResponseSchema,
  type ListCheckpointItemsQuery,
  listCheckpointItemsResponseSchema,
  listingLimits,
  type ResourceInstancesFilterResponse,
  resourceInstancesCountResponseSchema,
  resourceInstancesFilterResponseSchema,
  type TagQuery,
  tagQueryLimits,
} from '@csbs-kit/models';
import { Agent } from 'undici';
import type { Authorizer } from './auth/authorizer.js';
import { createAuthorizer } from './auth/create-authorizer.js';
import { credentialsKind, type PasswordCredentials } from './auth/credentials.js';
import { iamUrl } from './auth/keystone.js';
import {
  type CallOptions,
  type CsbsClientOptions,
  checkClientOptions,
  checkPageSize,
  defaultTimeoutMs,
  defaultTotalTimeoutMs,
} from './client-options.js';
import { iamEndpointOf, normaliseEndpoint, resourceUrl } from './endpoint.js';
import { CsbsValidationError } from './errors/other-errors.js';
import {
  type CheckpointItemsPage,
  type CheckpointItemsPaginator,
  lazy,
  Paginator,
  type ResourcesPage,
  type ResourcesPaginator,
} from './pagination/paginator.js';
import { walkCheckpointItems, walkResources } from './pagination/walks.js';
import { pathSegmentProblem } from './path-segment.js';
import { checkCountParams, checkListParams, queryString } from './query/listing-params.js';
import {
  countRequest,
  filterRequest,
  normaliseTagQuery,
  pagingNumber,
  type ResourcePaging,
  type ResourceQuery,
  splitPaging,
} from './query/resource-query.js';
import { ServiceEndpoint } from './service-endpoint.js';
import { execute, type TransportConfig } from './transport/execute.js';
import { parseJsonBody } from './transport/json-body.js';
import { defaultRetryPolicy } from './transport/retry-policy.js';

const clientAgent = `csbs-kit-client node/${process.versions.node}`;

/** A client of the CSBS query API: listing, counting and tag queries, with paging, retries and typed errors. */
export class CsbsClient {
  readonly projectId: string;
  readonly #transport: TransportConfig;
  readonly #authorizer: Authorizer;
  readonly #ownAgent: Agent | undefined;
  readonly #endpoint: ServiceEndpoint;
  readonly #iamEndpoint: string | undefined;

  constructor(options: CsbsClientOptions) {
    checkClientOptions(options);
    const kind = credentialsKind(options.credentials);
    this.projectId = options.projectId;
    this.#endpoint = new ServiceEndpoint(options, kind, this.projectId);
    const authUrl =
      kind === 'password' ? (options.credentials as PasswordCredentials).password.authUrl : undefined;
    if (options.iamEndpoint !== undefined) normaliseEndpoint(options.iamEndpoint, 'iamEndpoint');
    this.#iamEndpoint = iamEndpointOf(options, authUrl);
    this.#ownAgent =
      options.dispatcher === undefined
        ? new Agent({ connections: 8, pipelining: 1, keepAliveTimeout: 30_000 })
        : undefined;
    const totalTimeoutMs = options.totalTimeoutMs ?? defaultTotalTimeoutMs;
    this.#transport = {
      dispatcher: options.dispatcher ?? (this.#ownAgent as Agent),
      retry: {
        maxAttempts: options.retry?.maxAttempts ?? defaultRetryPolicy.maxAttempts,
        baseDelayMs: options.retry?.baseDelayMs ?? defaultRetryPolicy.baseDelayMs,
        maxDelayMs: options.retry?.maxDelayMs ?? defaultRetryPolicy.maxDelayMs,
        maxElapsedMs: options.retry?.maxElapsedMs ?? totalTimeoutMs,
      },
      timeoutMs: options.timeoutMs ?? defaultTimeoutMs,
      totalTimeoutMs,
      hooks: options.hooks ?? {},
      userAgent: options.userAgent === undefined ? clientAgent : `${options.userAgent} ${clientAgent}`,
    };
    this.#authorizer = createAuthorizer(kind, options.credentials, this.projectId, this.#transport);
  }

  /**
   * The CSBS base URL in use, without a trailing slash. With password credentials and no
   * `endpoint` option it comes from the token's catalog, so it is `undefined` until the
   * first call has fetched a token.
   */
  get endpoint(): string | undefined {
    return this.#endpoint.base;
  }

  /**
   * `GET {iam}/v3/auth/projects`: the projects the credential's user may use (Keystone's
   * list), for callers that walk several projects. IAM is the password's `authUrl`, the
   * `iamEndpoint` option, or the public IAM of `cloud`.
   */
  async listProjects(options: CallOptions = {}): Promise<KeystoneProject[]> {
    if (this.#iamEndpoint === undefined) {
      throw new CsbsValidationError(
        [
          {
            path: 'iamEndpoint',
            message: 'is required for listProjects with a custom endpoint and no password auth',
          },
        ],
        { what: 'options' },
      );
    }
    return execute(
      this.#transport,
      {
        method: 'GET',
        url: iamUrl(this.#iamEndpoint, 'auth/projects'),
        parse: (response) => parseJsonBody(response, keystoneProjectsResponseSchema).projects,
      },
      this.#authorizer,
      options.signal,
    );
  }

  /** One page of `GET /v1/{project_id}/checkpoint_items`, with the marker of the next. */
  async listCheckpointItems(
    params: ListCheckpointItemsQuery = {},
    options: CallOptions = {},
  ): Promise<CheckpointItemsPage> {
    return this.#listingPage(checkListParams(params), options.signal);
  }

  /**
   * Every backup matching `params`, following the marker page by page (pages of at most
   * 1000, `pageSize` to ask for fewer). `params.limit` caps the total number of items;
   * `params.offset` and `params.marker` apply to the first page. The next page is fetched
   * while the current one is consumed. Validation errors surface on iteration.
   */
  paginateCheckpointItems(
    params: ListCheckpointItemsQuery = {},
    options: CallOptions & { pageSize?: number } = {},
  ): CheckpointItemsPaginator {
    const walk = (): AsyncGenerator<CheckpointItemsPage, void, undefined> => {
      const query = checkListParams(params);
      const pageSize = checkPageSize(options.pageSize, listingLimits.maxPageSize);
      return walkCheckpointItems(
        (pageQuery, signal, peek) => this.#listingPage(pageQuery, signal, peek),
        query,
        pageSize,
        options.signal,
      );
    };
    return new Paginator(lazy(walk), (page) => page.checkpoint_items);
  }

  /** `GET /v1/{project_id}/checkpoint_items/count`: how many backups match the filters. */
  async countCheckpointItems(
    params: CountCheckpointItemsQuery = {},
    options: CallOptions = {},
  ): Promise<number> {
    const query = checkCountParams(params);
    return execute(
      this.#transport,
      {
        method: 'GET',
        url:
          resourceUrl(await this.#project(options.signal), 'checkpoint_items', 'count') + queryString(query),
        parse: (response) => parseJsonBody(response, countCheckpointItemsResponseSchema).count,
      },
      this.#authorizer,
      options.signal,
    );
  }

  /** `GET /v1/{project_id}/checkpoint_items/{id}`; a missing backup is a `CsbsNotFoundError`. */
  async getCheckpointItem(id: string, options: CallOptions = {}): Promise<CheckpointItem> {
    const problem = pathSegmentProblem(id);
    if (problem !== undefined) {
      throw new CsbsValidationError([{ path: 'id', message: problem }], { what: 'checkpoint item id' });
    }
    return execute(
      this.#transport,
      {
        method: 'GET',
        url: resourceUrl(await this.#project(options.signal), 'checkpoint_items', id),
        parse: (response) => parseJsonBody(response, getCheckpointItemResponseSchema).checkpoint_item,
      },
      this.#authorizer,
      options.signal,
    );
  }

  /** One page of a tag query (`action: filter`); `limit`/`offset` may be numbers or digit strings. */
  async filterResources(
    query: ResourceQuery & ResourcePaging,
    options: CallOptions = {},
  ): Promise<ResourceInstancesFilterResponse> {
    const { query: conditions, paging } = splitPaging(query);
    return this.#filterPage(filterRequest(normaliseTagQuery(conditions), paging), options.signal);
  }

  /**
   * Every resource matching the tag query, by offset in pages of up to 1000 (`pageSize`),
   * until `total_count`. A `limit` in the query caps the total; an `offset` is where the
   * walk starts.
   */
  paginateResources(
    query: ResourceQuery & ResourcePaging,
    options: CallOptions & { pageSize?: number } = {},
  ): ResourcesPaginator {
    const walk = (): AsyncGenerator<ResourcesPage, void, undefined> => {
      const { query: rest, paging } = splitPaging(query);
      const conditions = normaliseTagQuery(rest);
      const pageSize = checkPageSize(options.pageSize, tagQueryLimits.maxLimit);
      const offset = pagingNumber(paging.offset, 'offset', 0);
      const total = paging.limit === undefined ? undefined : pagingNumber(paging.limit, 'limit', 0, 1);
      // Checked once up front, so a bad query fails before any byte is sent.
      filterRequest(conditions, { limit: pageSize, offset });
      return walkResources(
        (pageConditions, pagePaging, signal, peek) =>
          this.#filterPage(filterRequest(pageConditions, pagePaging), signal, peek),
        conditions,
        { pageSize, offset, total },
        options.signal,
      );
    };
    return new Paginator(lazy(walk), (page) => page.resources);
  }

  /** `action: count`: how many resources match the tag query. */
  async countResources(query: ResourceQuery, options: CallOptions = {}): Promise<number> {
    const body = countRequest(normaliseTagQuery(query));
    return execute(
      this.#transport,
      {
        method: 'POST',
        url: await this.#actionUrl(options.signal),
        body: Buffer.from(JSON.stringify(body)),
        parse: (response) => parseJsonBody(response, resourceInstancesCountResponseSchema).total_count,
      },
      this.#authorizer,
      options.signal,
    );
  }

  /** Closes the client's own connection pool; a `dispatcher` given in the options stays open. */
  async close(): Promise<void> {
    if (this.#ownAgent !== undefined && !this.#ownAgent.closed) await this.#ownAgent.close();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  #project(signal: AbortSignal | undefined): Promise<string> {
    return this.#endpoint.projectUrl(this.#authorizer, signal);
  }

  async #actionUrl(signal: AbortSignal | undefined): Promise<string> {
    return resourceUrl(await this.#project(signal), 'csbs_backup', 'resource_instances', 'action');
  }

  async #filterPage(
    body: TagQuery & { action: 'filter' },
    signal: AbortSignal | undefined,
    peek?: (bodyText: string) => boolean,
  ): Promise<ResourceInstancesFilterResponse> {
    return execute(
      this.#transport,
      {
        method: 'POST',
        url: await this.#actionUrl(signal),
        body: Buffer.from(JSON.stringify(body)),
        ...(peek === undefined ? {} : { peek }),
        parse: (response) => parseJsonBody(response, resourceInstancesFilterResponseSchema),
      },
      this.#authorizer,
      signal,
    );
  }

  /** `peek` sees the raw body of a successful answer before it is parsed (to start the next page early). */
  async #listingPage(
    query: ListCheckpointItemsQuery,
    signal: AbortSignal | undefined,
    peek?: (bodyText: string) => boolean,
  ): Promise<CheckpointItemsPage> {
    return execute(
      this.#transport,
      {
        method: 'GET',
        url: resourceUrl(await this.#project(signal), 'checkpoint_items') + queryString(query),
        ...(peek === undefined ? {} : { peek }),
        parse: (response) => {
          const body = parseJsonBody(response, listCheckpointItemsResponseSchema);
          const items = body.checkpoint_items;
          const asked = Math.min(query.limit ?? listingLimits.defaultLimit, listingLimits.maxPageSize);
          const page: CheckpointItemsPage = {
            checkpoint_items: items,
            nextMarker: items.length > 0 && items.length >= asked ? items.at(-1)?.id : undefined,
          };
          if (body.checkpoint_items_links !== undefined)
            page.checkpoint_items_links = body.checkpoint_items_links;
          return page;
        },
      },
      this.#authorizer,
      signal,
    );
  }
}
