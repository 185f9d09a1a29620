// The public API of @csbs-kit/client, listed deliberately.

// The wire types the methods take and return, for convenience; they are @csbs-kit/models'.
export type {
  CheckpointItem,
  CheckpointItemsLink,
  CountCheckpointItemsQuery,
  KeystoneProject,
  ListCheckpointItemsQuery,
  Match,
  Resource,
  ResourceInstancesFilterResponse,
  Tag,
  TagQuery,
} from '@csbs-kit/models';
export type {
  AccessKeyCredentials,
  Credentials,
  PasswordCredentials,
  TokenCredentials,
} from './auth/credentials.js';
export { CsbsClient } from './client.js';
export type {
  CallOptions,
  CsbsClientOptions,
  ListingOptions,
  PaginateOptions,
  RetryOptions,
} from './client-options.js';
export { type Cloud, type CloudFacts, cloudOf, clouds, offersCsbs } from './clouds.js';
export { type EndpointOptions, resolveEndpoint } from './endpoint.js';
export {
  CsbsApiError,
  type CsbsApiErrorDetails,
  CsbsAuthenticationError,
  CsbsBadRequestError,
  CsbsNotFoundError,
  CsbsPermissionDeniedError,
  CsbsRateLimitError,
  CsbsServerError,
  CsbsServiceUnavailableError,
} from './errors/api-error.js';
export { CsbsError } from './errors/base.js';
export {
  CsbsConnectionError,
  CsbsPaginationError,
  CsbsResponseValidationError,
  CsbsTimeoutError,
  CsbsValidationError,
  type ValidationIssue,
} from './errors/other-errors.js';
export type { RedactedRequest } from './errors/redacted-request.js';
export type {
  CheckpointItemsPage,
  CheckpointItemsPageWithTexts,
  CheckpointItemsPaginator,
  ResourcesPage,
  ResourcesPageWithTexts,
  ResourcesPaginator,
} from './pagination/paginator.js';
export type { ResourcePaging, ResourceQuery } from './query/resource-query.js';
export type { Hooks, RequestSummary, ResponseSummary, RetrySummary } from './transport/summaries.js';
