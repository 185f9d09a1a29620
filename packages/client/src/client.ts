import {
  type CheckpointItem,
  type CountCheckpointItemsQuery,
  countCheckpointItemsResponseSchema,
  getCheckpointItemResponseSchema,
  type KeystoneProject,
  type ListCheckpointItemsQuery,
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
import { listProjects } from './auth/list-projects.js';
import {
  type CallOptions,
  type CsbsClientOptions,
  checkClientOptions,
  checkPageSize,
  type ListingOptions,
  type PaginateOptions,
} from './client-options.js';
import { iamEndpointOf, normaliseEndpoint, resourceUrl } from './endpoint.js';
import { CsbsValidationError } from './errors/other-errors.js';
import { readListingPage } from './pagination/listing-page.js';
import {
  type CheckpointItemsPage,
  type CheckpointItemsPageWithTexts,
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
import { transportConfigOf } from './transport/transport-config.js';

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
    this.#transport = transportConfigOf(options, options.dispatcher ?? (this.#ownAgent as Agent));
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
    return listProjects(this.#transport, this.#authorizer, this.#iamEndpoint, options.signal);
  }

  /**
   * One page of `GET /v1/{project_id}/checkpoint_items`, with the marker of the next. With
   * `itemTexts: true` the page also carries each item's JSON text as received.
   */
  listCheckpointItems(
    params: ListCheckpointItemsQuery | undefined,
    options: ListingOptions & { itemTexts: true },
  ): Promise<CheckpointItemsPageWithTexts>;
  listCheckpointItems(
    params?: ListCheckpointItemsQuery,
    options?: ListingOptions,
  ): Promise<CheckpointItemsPage>;
  async listCheckpointItems(
    params: ListCheckpointItemsQuery = {},
    options: ListingOptions = {},
  ): Promise<CheckpointItemsPage> {
    return this.#listingPage(checkListParams(params), options.signal, options.itemTexts === true);
  }

  /**
   * Every backup matching `params`, following the marker page by page (pages of at most
   * 1000, `pageSize` to ask for fewer). `params.limit` caps the total number of items;
   * `params.offset` and `params.marker` apply to the first page. The next page is fetched
   * while the current one is consumed. Validation errors surface on iteration. With
   * `itemTexts: true`, each of `.pages()` also carries its items' JSON text as received.
   */
  paginateCheckpointItems(
    params: ListCheckpointItemsQuery | undefined,
    options: PaginateOptions & ListingOptions & { itemTexts: true },
  ): CheckpointItemsPaginator<CheckpointItemsPageWithTexts>;
  paginateCheckpointItems(
    params?: ListCheckpointItemsQuery,
    options?: PaginateOptions & ListingOptions,
  ): CheckpointItemsPaginator;
  paginateCheckpointItems(
    params: ListCheckpointItemsQuery = {},
    options: PaginateOptions & ListingOptions = {},
  ): CheckpointItemsPaginator {
    const itemTexts = options.itemTexts === true;
    const walk = (): AsyncGenerator<CheckpointItemsPage, void, undefined> => {
      const query = checkListParams(params);
      const pageSize = checkPageSize(options.pageSize, listingLimits.maxPageSize);
      return walkCheckpointItems(
        (pageQuery, signal, peek) => this.#listingPage(pageQuery, signal, itemTexts, peek),
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
    options: PaginateOptions = {},
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

  /**
   * `peek` sees the raw body of a successful answer before it is parsed (to start the next
   * page early); `itemTexts` adds each item's source text to the page, once it is valid.
   */
  async #listingPage(
    query: ListCheckpointItemsQuery,
    signal: AbortSignal | undefined,
    itemTexts: boolean,
    peek?: (bodyText: string) => boolean,
  ): Promise<CheckpointItemsPage> {
    return execute(
      this.#transport,
      {
        method: 'GET',
        url: resourceUrl(await this.#project(signal), 'checkpoint_items') + queryString(query),
        ...(peek === undefined ? {} : { peek }),
        parse: (response) => readListingPage(response, query, itemTexts),
      },
      this.#authorizer,
      signal,
    );
  }
}
