// The public API of @csbs-kit/tag-query, listed deliberately.

export type { FieldIssue, Match, Tag, TagQuery } from '@csbs-kit/models';
export { TagGroupBuilder, TagQueryBuilder, type TagValues, tagQuery } from './builder.js';
export {
  SelectorFormatError,
  SelectorSyntaxError,
  TagIndexPageError,
  TagQueryError,
  TagQueryValidationError,
} from './errors.js';
export { entryMatches, matchesTagQuery, type ResourceTagLike, type TaggedResource } from './evaluate.js';
export { nameMatches } from './name-match.js';
export { formatSelector } from './selector/format.js';
export { parseSelector } from './selector/parser.js';
export { compareBackupOrder } from './tag-index/backup-order.js';
export type { TagIndexOptions } from './tag-index/index-build.js';
export type { TagIndexPage } from './tag-index/page-options.js';
export { type IndexedBackup, TagIndex } from './tag-index/tag-index.js';
export { normaliseTagQuery, type TagListField, tagListFields, validateTagQuery } from './validate.js';
