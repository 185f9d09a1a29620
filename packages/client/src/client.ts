import {
  type CheckpointItem,
  type CountCheckpointItemsQuery,
  countCheckpointItemsResponseSchema,
  getCheckpointItemResponseSchema,
  type KeystoneProject,
  type ListCheckpointItemsQuery,
  type ResourceInstancesFilterResponse,
  resourceInstancesCountResponseSchema,
  resourceInstancesFilterResponseSchema,
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
  type ListingOptions,
  type PaginateOptions,
} from './client-options.js';
import { iamEndpointOf, normaliseEndpoint, resourceUrl } from './endpoint.js';
import { CsbsValidationError } from './errors/other-errors.js';
import { readListingPage } from './pagination/listing-page.js';
import type {
  CheckpointItemsPage,
  CheckpointItemsPageWithTexts,
  CheckpointItemsPaginator,
  ResourcesPageWithTexts,
  ResourcesPaginator,
} from './pagination/paginator.js';
import { paginateFilter, paginateListing } from './pagination/walks.js';
import { pathSegmentProblem } from './path-segment.js';
import { checkCountParams, checkListParams, queryString } from './query/listing-params.js';
import {
  countRequest,
  filterRequest,
  normaliseTagQuery,
  type ResourcePaging,
  type ResourceQuery,
  splitPaging,
} from './query/resource-query.js';
import { ServiceEndpoint } from './service-endpoint.js';
import { execute, type RawResponse, type TransportConfig } from './transport/execute.js';
import { parseJsonBody } from './transport/json-body.js';
import { transportConfigOf } from './transport/transport-config.js';

const listing = ['checkpoint_items'];
const action = ['csbs_backup', 'resource_instances', 'action'];

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
   * One page of `GET /v1/{project_id}/checkpoint_items` (`limit` items, default 1000), with
   * the marker of the next. With `itemTexts: true` the page also carries each item's JSON
   * text as received.
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
    const query = checkListParams(params);
    const response = await this.#send('GET', listing, queryString(query), undefined, options.signal);
    return readListingPage(response, query, options.itemTexts === true);
  }

  /**
   * Every backup matching `params`, following the marker page by page. `params.limit` is
   * the page size, as in `listCheckpointItems` (default and most 1000); `maxItems` caps
   * the whole walk; `params.offset` and `params.marker` apply to the first page. The next
   * page is fetched while the current one is consumed. Validation errors surface on
   * iteration, before any request. With `itemTexts: true`, each of `.pages()` also carries
   * its items' JSON text as received.
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
    return paginateListing(
      (query, signal) => this.#send('GET', listing, queryString(query), undefined, signal),
      params,
      options,
    );
  }

  /** `GET /v1/{project_id}/checkpoint_items/count`: how many backups match the filters. */
  async countCheckpointItems(
    params: CountCheckpointItemsQuery = {},
    options: CallOptions = {},
  ): Promise<number> {
    const search = queryString(checkCountParams(params));
    const response = await this.#send(
      'GET',
      ['checkpoint_items', 'count'],
      search,
      undefined,
      options.signal,
    );
    return parseJsonBody(response, countCheckpointItemsResponseSchema).count;
  }

  /** `GET /v1/{project_id}/checkpoint_items/{id}`; a missing backup is a `CsbsNotFoundError`. */
  async getCheckpointItem(id: string, options: CallOptions = {}): Promise<CheckpointItem> {
    const problem = pathSegmentProblem(id);
    if (problem !== undefined) {
      throw new CsbsValidationError([{ path: 'id', message: problem }], { what: 'checkpoint item id' });
    }
    const response = await this.#send('GET', ['checkpoint_items', id], '', undefined, options.signal);
    return parseJsonBody(response, getCheckpointItemResponseSchema).checkpoint_item;
  }

  /** One page of a tag query (`action: filter`); `limit` (the page size) and `offset` may be numbers or digit strings. */
  async filterResources(
    query: ResourceQuery & ResourcePaging,
    options: CallOptions = {},
  ): Promise<ResourceInstancesFilterResponse> {
    const { query: conditions, paging } = splitPaging(query);
    const body = filterRequest(normaliseTagQuery(conditions), paging);
    const response = await this.#sendAction(Buffer.from(JSON.stringify(body)), options.signal);
    return parseJsonBody(response, resourceInstancesFilterResponseSchema);
  }

  /**
   * Every resource matching the tag query, by offset, until `total_count`. `limit` is the
   * page size, as in `filterResources` (default and most 1000); `offset` is where the walk
   * starts; `maxItems` caps the whole walk. The query is validated once, before any
   * request. With `itemTexts: true`, each of `.pages()` also carries each resource's JSON
   * text as received.
   */
  paginateResources(
    query: ResourceQuery & ResourcePaging,
    options: PaginateOptions & ListingOptions & { itemTexts: true },
  ): ResourcesPaginator<ResourcesPageWithTexts>;
  paginateResources(
    query: ResourceQuery & ResourcePaging,
    options?: PaginateOptions & ListingOptions,
  ): ResourcesPaginator;
  paginateResources(
    query: ResourceQuery & ResourcePaging,
    options: PaginateOptions & ListingOptions = {},
  ): ResourcesPaginator {
    return paginateFilter((body, signal) => this.#sendAction(body, signal), query, options);
  }

  /** `action: count`: how many resources match the tag query. */
  async countResources(query: ResourceQuery, options: CallOptions = {}): Promise<number> {
    const body = countRequest(normaliseTagQuery(query));
    const response = await this.#sendAction(Buffer.from(JSON.stringify(body)), options.signal);
    return parseJsonBody(response, resourceInstancesCountResponseSchema).total_count;
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

  #sendAction(body: Uint8Array, signal: AbortSignal | undefined): Promise<RawResponse> {
    return this.#send('POST', action, '', body, signal);
  }

  /**
   * One call through the transport (signed, retried) to `{project}/{path}{search}`; the
   * successful answer, unparsed. The callers read it: the transport knows nothing of pages.
   */
  async #send(
    method: 'GET' | 'POST',
    path: readonly string[],
    search: string,
    body: Uint8Array | undefined,
    signal: AbortSignal | undefined,
  ): Promise<RawResponse> {
    const url = resourceUrl(await this.#project(signal), ...path) + search;
    return execute(
      this.#transport,
      { method, url, ...(body === undefined ? {} : { body }), parse: (response) => response },
      this.#authorizer,
      signal,
    );
  }
}
