/*
 * `@csbs-kit/models/errors`: the zod-free part of models that every package's errors use —
 * the brand behind each `isInstance`, the one way a broken rule is written, and the names of
 * the secrets no error, log or summary may keep. The CLI loads it at start-up, before any schema.
 */
export { defineErrorClass, isErrorInstance } from './error-brand.js';
export { describeFieldIssues, type FieldIssue, formatFieldIssue, formatFieldPath } from './field-issues.js';
export {
  authSecretWords,
  isAuthSecretFieldName,
  isSecretFieldName,
  isSecretHeaderName,
  secretFieldNames,
  secretHeaderNames,
} from './secret-names.js';
