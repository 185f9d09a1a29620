import { describe, expect, it } from 'vitest';
import { CliConfigError, CliUsageError } from './errors.js';
import { renderError } from './render-error.js';

describe('renderError', () => {
  it('usage errors: field and rule, exit 2', () => {
    expect(renderError(new CliUsageError('--limit', 'must be 1 or more (got 0)'))).toEqual({
      message: '--limit: must be 1 or more (got 0)',
      exitCode: 2,
    });
    expect(renderError(new CliConfigError('/x/clouds.yaml', 'is not valid YAML')).exitCode).toBe(2);
  });

  it('API errors: status, service code, message and request id, exit 1', () => {
    const error = Object.assign(new Error('ignored'), {
      name: 'CsbsNotFoundError',
      status: 404,
      errorCode: 'CSBS.3001',
      errorMsg: 'The backup does not exist.',
      requestId: 'req-1',
    });
    expect(renderError(error)).toEqual({
      message: '404 CSBS.3001: The backup does not exist. (request id req-1)',
      exitCode: 1,
    });
    const bare = Object.assign(new Error('Bad Gateway'), {
      status: 502,
      errorCode: undefined,
      errorMsg: undefined,
    });
    expect(renderError(bare)).toEqual({ message: '502: Bad Gateway', exitCode: 1 });
  });

  it('validation errors name each field, exit 2; a bad response is exit 1', () => {
    const error = Object.assign(new Error('invalid'), {
      code: 'CSBS_VALIDATION_FAILED',
      issues: [
        { path: 'tags[0].key', message: 'must not be empty' },
        { path: '', message: 'too long' },
      ],
    });
    expect(renderError(error)).toEqual({ message: 'tags[0].key: must not be empty; too long', exitCode: 2 });
    const response = Object.assign(new Error('unexpected response'), {
      code: 'CSBS_RESPONSE_INVALID',
      issues: [],
    });
    expect(renderError(response)).toEqual({ message: 'unexpected response', exitCode: 1 });
  });

  it('connection errors and anything else: the message on one line, exit 1', () => {
    const error = Object.assign(new Error('connect ECONNREFUSED\n127.0.0.1:9'), {
      code: 'CSBS_CONNECTION_FAILED',
    });
    expect(renderError(error)).toEqual({ message: 'connect ECONNREFUSED 127.0.0.1:9', exitCode: 1 });
    expect(renderError('boom')).toEqual({ message: 'boom', exitCode: 1 });
  });
});
