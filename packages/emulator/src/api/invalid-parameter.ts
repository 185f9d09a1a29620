import { describeFieldIssues, type FieldIssue } from '@csbs-kit/models';
import { errorCodes } from '../error-codes.js';
import { EmulatorHttpError } from '../errors.js';

/** A 400 `CSBS.9001` whose message names each field and rule: `limit: must be positive`. */
export function invalidParameter(issues: readonly FieldIssue[] | string): EmulatorHttpError {
  const message = typeof issues === 'string' ? issues : describeFieldIssues(issues);
  return new EmulatorHttpError(400, errorCodes.invalidParameter, message);
}
