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

  it('says a status once, the request id once, and a proxy page by its title', () => {
    const keystone = Object.assign(
      new Error('401: The request you have made requires authentication. (HTTP 401, request id r-9; POST …)'),
      {
        status: 401,
        errorCode: '401',
        errorMsg: 'The request you have made requires authentication.',
        requestId: 'r-9',
      },
    );
    expect(renderError(keystone).message).toBe(
      '401: The request you have made requires authentication. (request id r-9)',
    );
    const noMessage = Object.assign(new Error('request failed (HTTP 401, request id r-1; GET http://h/x)'), {
      status: 401,
      errorCode: undefined,
      errorMsg: undefined,
      requestId: 'r-1',
    });
    expect(renderError(noMessage).message).toBe('401: Unauthorized (request id r-1)');
    const echoed = Object.assign(new Error('x'), {
      status: 500,
      errorCode: 'CSBS.0500',
      errorMsg: 'failed, request id r-2',
      requestId: 'r-2',
    });
    expect(renderError(echoed).message).toBe('500 CSBS.0500: failed, request id r-2');
    const nginx = Object.assign(new Error('x'), {
      status: 502,
      errorCode: undefined,
      errorMsg:
        '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.25.3</center>\r\n</body>\r\n</html>',
      requestId: undefined,
    });
    expect(renderError(nginx).message).toBe('502: 502 Bad Gateway');
    const untitled = Object.assign(new Error('x'), {
      status: 503,
      errorCode: undefined,
      errorMsg:
        '<!DOCTYPE html><html><body><h1>Down for maintenance</h1><p>Back &amp; better soon.</p></body></html>',
    });
    expect(renderError(untitled).message).toBe('503: Down for maintenance Back & better soon.');
  });

  it('writes out controls and bidi overrides of a server message, and masks URL passwords', () => {
    const evil = Object.assign(new Error('x'), {
      status: 400,
      errorCode: 'CSBS.9001',
      errorMsg: 'bad\x1b]0;PWNED\x07\x1b[2J \u202eexe',
      requestId: 'r-3',
    });
    expect(renderError(evil).message).toBe(
      '400 CSBS.9001: bad\\x1b]0;PWNED\\x07\\x1b[2J \\u202eexe (request id r-3)',
    );
    expect(renderError(new Error('connect ECONNREFUSED http://alice:PW@127.0.0.1:1/v1')).message).toBe(
      'connect ECONNREFUSED http://****@127.0.0.1:1/v1',
    );
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
