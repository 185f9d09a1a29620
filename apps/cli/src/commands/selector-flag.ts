import type { TagQuery } from '@csbs-kit/models';
import { describeFieldIssues } from '@csbs-kit/models/errors';
import { parseSelector, SelectorSyntaxError, TagQueryValidationError } from '@csbs-kit/tag-query';
import { CliUsageError } from '../errors.js';

/** `--selector`, parsed here so that its error names the flag and the column. */
export function selectorFlag(text: unknown): TagQuery | undefined {
  if (text === undefined) return undefined;
  if (typeof text !== 'string' || text.trim() === '')
    throw new CliUsageError('--selector', 'must not be empty');
  try {
    return parseSelector(text);
  } catch (error) {
    if (SelectorSyntaxError.isInstance(error))
      throw new CliUsageError('--selector', error.message, { cause: error });
    if (TagQueryValidationError.isInstance(error)) {
      throw new CliUsageError('--selector', describeFieldIssues(error.issues), { cause: error });
    }
    throw error;
  }
}
