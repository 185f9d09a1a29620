/** The numeric rules of the CSBS reference, in one place so that every check quotes them alike. */
export const tagQueryLimits = {
  /** Entries in each of `tags`, `tags_any`, `not_tags`, `not_tags_any`. */
  maxTagEntries: 10,
  /** Values in one entry's `values`. */
  maxTagValues: 10,
  maxTagKeyLength: 127,
  maxTagValueLength: 255,
  maxMatchValueLength: 255,
  /** Largest page of the tag query, and its default. */
  maxLimit: 1000,
} as const;

export const resourceTagLimits = {
  maxKeyLength: 36,
  maxValueLength: 43,
  /** Letters, digits, `-` and `_`: the only characters a stored tag may have. */
  pattern: /^[A-Za-z0-9_-]*$/,
} as const;

export const listingLimits = {
  /** OpenStack's `osapi_max_limit`: no page holds more, whatever `limit` asks. */
  maxPageSize: 1000,
  defaultLimit: 1000,
  maxSortLength: 255,
} as const;
