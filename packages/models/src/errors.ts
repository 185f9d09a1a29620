/*
 * `@csbs-kit/models/errors`: the zod-free part of models that every package's errors use —
 * the brand behind each `isInstance`, and the one way a broken rule is written. The CLI loads
 * it at start-up, before any schema.
 */
export { defineErrorClass, isErrorInstance } from './error-brand.js';
export { describeFieldIssues, type FieldIssue, formatFieldIssue, formatFieldPath } from './field-issues.js';
