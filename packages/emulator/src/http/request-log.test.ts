import { secretFieldNames, secretHeaderNames } from '@csbs-kit/models/errors';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logRecordOf, type ReceivedRequest } from './logged-request.js';
import { redactBody, redactHeaders } from './redact.js';
import { RequestLog } from './request-log.js';

const received = (n: number, more: Partial<ReceivedRequest> = {}): ReceivedRequest => ({
  method: 'GET',
  path: `/p${n}`,
  query: '',
  status: 200,
  requestId: String(n),
  headers: {},
  durationMs: 1,
  body: Buffer.alloc(0),
  json: undefined,
  fault: undefined,
  ...more,
});
const entry = (n: number, more: Partial<ReceivedRequest> = {}) => logRecordOf(received(n, more));

describe('RequestLog', () => {
  it('keeps the last entries, oldest first', () => {
    const log = new RequestLog(3);
    for (let i = 1; i <= 5; i++) log.add(entry(i));
    expect(log.entries().map((e) => e.requestId)).toEqual(['3', '4', '5']);
    log.clear();
    expect(log.entries()).toEqual([]);
    log.add(entry(9));
    expect(log.entries().map((e) => e.requestId)).toEqual(['9']);
  });

  it('hands out copies', () => {
    const log = new RequestLog(2);
    const json = { tags: [{ key: 'env', values: ['prod'] }] };
    log.add(entry(1, { headers: { accept: 'a' }, body: Buffer.from(JSON.stringify(json)), json }));
    const first = log.entries()[0]!;
    first.path = '/changed';
    first.headers.accept = 'b';
    (first.body as typeof json).tags[0]!.values.push('dev');
    expect(log.entries()[0]).toMatchObject({ path: '/p1', headers: { accept: 'a' }, body: json });
    expect(json.tags[0]!.values).toEqual(['prod']);
  });

  it('shows entries redacted, in the fields and order the log always had', () => {
    const log = new RequestLog(4);
    const auth = { auth: { identity: { password: { user: { name: 'n', password: 'p' } } } } };
    log.add(
      entry(1, {
        method: 'POST',
        headers: { 'x-auth-token': 't', 'x-many': ['a', 'b'], 'content-length': undefined },
        body: Buffer.from(JSON.stringify(auth)),
        fault: 'status=503',
      }),
    );
    // Parsed by answering: the log uses that parse, not the bytes.
    log.add(entry(2, { body: Buffer.from('{"x":1}'), json: { token: 's' } }));
    log.add(entry(3, { body: Buffer.from('not json') }));
    const [first, second, third] = log.entries();
    expect(JSON.stringify(first)).toBe(
      JSON.stringify({
        method: 'POST',
        path: '/p1',
        query: '',
        status: 200,
        requestId: '1',
        headers: { 'x-auth-token': '[REDACTED]', 'x-many': 'a, b' },
        durationMs: 1,
        body: { auth: { identity: { password: { user: { name: 'n', password: '[REDACTED]' } } } } },
        fault: 'status=503',
      }),
    );
    expect(second!.body).toEqual({ token: '[REDACTED]' });
    expect(third).not.toHaveProperty('body');
  });
});

// A secret value no generated text can hold by chance.
const secret = 'S3CRET-VALUE';
const plainKey = fc.constantFrom('key', 'values', 'name', 'tags', 'limit', 'a', 'user');
const secretKey = fc.constantFrom(...secretFieldNames, 'Password', 'TOKEN');
const { body } = fc.letrec((tie) => ({
  leaf: fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.boolean(), fc.constant(null)),
  body: fc.oneof(
    { depthSize: 'small' },
    tie('leaf'),
    fc.array(tie('body'), { maxLength: 3 }),
    fc.dictionary(plainKey, tie('body'), { maxKeys: 3 }),
    // A secret field somewhere, as a string or nested in an object.
    fc.tuple(fc.dictionary(plainKey, tie('body'), { maxKeys: 2 }), secretKey).map(([o, k]) => ({
      ...o,
      [k]: secret,
    })),
    // Not under `user`: inside a secret, who logs in stays readable (redact.ts).
    fc
      .tuple(
        secretKey,
        plainKey.filter((k) => k !== 'user'),
      )
      .map(([k, inner]) => ({ [k]: { [inner]: secret } })),
  ),
}));
const asAuth = fc.oneof(
  body,
  body.map((b) => ({
    auth: { identity: { methods: ['password'], password: { user: { name: 'n', password: secret } } }, b },
  })),
);

describe('what the request log keeps', () => {
  it('holds no secret, and shows what redacting when shown would have shown', () => {
    fc.assert(
      fc.property(
        asAuth,
        fc.boolean(),
        fc.subarray([...secretHeaderNames]),
        (json, parsedByAnswering, secretHeaders) => {
          const headers: Record<string, string | string[]> = {
            accept: 'application/json',
            'x-many': ['a', 'b'],
          };
          for (const name of secretHeaders) headers[name] = secret;
          const text = JSON.stringify(json);
          const record = logRecordOf(
            received(1, {
              method: 'POST',
              headers,
              body: Buffer.from(text),
              json: parsedByAnswering ? JSON.parse(text) : undefined,
            }),
          );
          expect(JSON.stringify(record)).not.toContain(secret);
          const log = new RequestLog(1);
          log.add(record);
          const [shown] = log.entries();
          expect(shown!.headers).toEqual(redactHeaders(headers));
          expect(shown!.body).toEqual(redactBody(JSON.parse(text)));
        },
      ),
      { numRuns: 300 },
    );
  });
});
