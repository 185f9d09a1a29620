import { describe, expect, it } from 'vitest';
import { type ErrorDetails, errorBodySchema, readErrorBody } from '../src/index.js';

const details = (code?: string, message?: string, requestId?: string): ErrorDetails => ({
  code,
  message,
  requestId,
});

describe('readErrorBody', () => {
  it.each<[string, unknown, ErrorDetails]>([
    [
      'the CSBS shape',
      { error_code: 'CSBS.9001', error_msg: 'Invalid parameter' },
      details('CSBS.9001', 'Invalid parameter'),
    ],
    [
      'the CSBS shape with a request id',
      { error_code: 'CSBS.3001', error_msg: 'not found', request_id: 'req-1' },
      details('CSBS.3001', 'not found', 'req-1'),
    ],
    ['the CSBS shape with a numeric code', { error_code: 9001, error_msg: 'x' }, details('9001', 'x')],
    [
      'the CSBS shape with a null message',
      { error_code: 'CSBS.9001', error_msg: null },
      details('CSBS.9001'),
    ],
    [
      'the nested shape',
      { error: { code: 'APIGW.0301', message: 'Incorrect IAM authentication information' } },
      details('APIGW.0301', 'Incorrect IAM authentication information'),
    ],
    [
      'the nested shape with the request id inside',
      { error: { code: 'IAM.0001', message: 'm', request_id: 'in' }, request_id: 'out' },
      details('IAM.0001', 'm', 'in'),
    ],
    [
      'the nested shape with the request id beside it',
      { error: { code: 'IAM.0001', message: 'm' }, request_id: 'out' },
      details('IAM.0001', 'm', 'out'),
    ],
    ['the nested shape with a numeric code', { error: { code: 403 } }, details('403')],
    [
      'the flat gateway shape',
      { code: 'APIGW.0301', message: 'Incorrect IAM authentication information', request_id: 'abc' },
      details('APIGW.0301', 'Incorrect IAM authentication information', 'abc'),
    ],
    [
      'the flat shape without a request id',
      { code: 'APIGW.0308', message: 'throttled' },
      details('APIGW.0308', 'throttled'),
    ],
    ['the flat shape with a numeric code', { code: 401, message: 'x' }, details('401', 'x')],
    [
      'a numeric request id',
      { error_code: 'CSBS.9001', request_id: 12345 },
      details('CSBS.9001', undefined, '12345'),
    ],
    [
      'extra fields',
      { error_code: 'CSBS.9001', error_msg: 'x', detail: { a: 1 } },
      details('CSBS.9001', 'x'),
    ],
  ])('reads %s', (_, body, expected) => {
    expect(readErrorBody(body)).toEqual(expected);
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'Internal Server Error'],
    ['a number', 500],
    ['an array', [{ code: 'x' }]],
    ['an empty object', {}],
    ['a message without a code', { message: 'oops' }],
    ['an error that is a string', { error: 'oops' }],
    ['a null error_code', { error_code: null, error_msg: 'x' }],
  ])('answers undefined for %s', (_, body) => {
    expect(readErrorBody(body)).toBeUndefined();
  });
});

describe('errorBodySchema', () => {
  it.each([
    { error_code: 'CSBS.9001', error_msg: 'x', extra: [1] },
    { error: { code: 'a', message: 'b', more: true } },
    { code: 'APIGW.0301', message: 'm', request_id: 'r' },
  ])('parses %j unchanged', (body) => {
    expect(errorBodySchema.parse(body)).toStrictEqual(body);
  });
});
