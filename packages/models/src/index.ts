// The public API of @csbs-kit/models, listed deliberately. Request/response data keep the
// API's snake_case names; see the CSBS reference for each field.

export {
  type BackupData,
  backupDataSchema,
  type CheckpointItem,
  checkpointItemSchema,
  type ExtendInfo,
  extendInfoSchema,
  type FailCode,
  failCodeSchema,
  type ImageData,
  imageDataSchema,
  type VolumeBackup,
  volumeBackupSchema,
} from './checkpoint-item.js';
export {
  type BackupImageType,
  backupImageTypes,
  type CheckpointStatus,
  type CopyStatus,
  checkpointStatuses,
  copyStatuses,
  type FailOp,
  failOps,
  type MatchKey,
  matchKeys,
  type ResourceInstancesAction,
  resourceInstancesActions,
  type SortDirection,
  type SortKey,
  type SupportedRestoreMode,
  sortDirections,
  sortKeys,
  supportedRestoreModes,
} from './enums.js';
export { type ErrorBody, type ErrorDetails, errorBodySchema, readErrorBody } from './error-body.js';
export { describeFieldIssues, type FieldIssue, formatFieldIssue, formatFieldPath } from './field-issues.js';
export { fieldIssuesOf } from './issues.js';
export { jsonStringEnd } from './json-text.js';
export {
  type KeystoneCatalogEntry,
  type KeystoneEndpoint,
  type KeystoneProject,
  type KeystoneProjectsResponse,
  type KeystoneTokenResponse,
  keystoneCatalogEntrySchema,
  keystoneEndpointSchema,
  keystoneProjectSchema,
  keystoneProjectsResponseSchema,
  keystoneTokenResponseSchema,
} from './keystone.js';
export { listingLimits, resourceTagLimits, tagQueryLimits } from './limits.js';
export {
  type CheckpointItemsLink,
  type CountCheckpointItemsQuery,
  type CountCheckpointItemsResponse,
  checkpointItemFilterFields,
  checkpointItemsLinkSchema,
  countCheckpointItemsQuerySchema,
  countCheckpointItemsResponseSchema,
  type GetCheckpointItemResponse,
  getCheckpointItemResponseSchema,
  isListingTime,
  type ListCheckpointItemsQuery,
  type ListCheckpointItemsResponse,
  listCheckpointItemsQuerySchema,
  listCheckpointItemsResponseSchema,
  listingTimePattern,
  sortSchema,
} from './list-checkpoint-items.js';
export {
  type Resource,
  type ResourceInstancesCountRequest,
  type ResourceInstancesCountResponse,
  type ResourceInstancesFilterRequest,
  type ResourceInstancesFilterResponse,
  type ResourceInstancesRequest,
  resourceInstancesCountRequestSchema,
  resourceInstancesCountResponseSchema,
  resourceInstancesFilterRequestSchema,
  resourceInstancesFilterResponseSchema,
  resourceInstancesRequestSchema,
  resourceSchema,
  type TagQuery,
  tagQueryFields,
  tagQueryLimitSchema,
  tagQueryOffsetSchema,
  tagQuerySchema,
} from './resource-instances.js';
export { type ResponseCheck, responseCheckOf, safeParseResponse, testedZod } from './response-check.js';
export {
  checkpointItemsQueryToSearchParams,
  countCheckpointItemsQueryFromSearchParams,
  listCheckpointItemsQueryFromSearchParams,
  type SearchParamsResult,
} from './search-params.js';
export { formatSort, parseSort, type SortField, type SortParseResult } from './sort.js';
export {
  type Match,
  matchListSchema,
  matchSchema,
  type ResourceTag,
  resourceTagSchema,
  responseTagSchema,
  type Tag,
  tagListSchema,
  tagSchema,
} from './tag.js';
