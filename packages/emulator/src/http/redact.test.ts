import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactBody, redactHeaders } from './redact.js';

describe('redaction', () => {
  it('replaces secret headers in any case', () => {
    expect(
      redactHeaders({
        'x-auth-token': 't',
        Authorization: 'SDK-HMAC-SHA256 …',
        'x-security-token': 's',
        'x-subject-token': 'u',
        accept: ['a', 'b'],
        'x-sdk-date': '20260101T000000Z',
      }),
    ).toEqual({
      'x-auth-token': '[REDACTED]',
      Authorization: '[REDACTED]',
      'x-security-token': '[REDACTED]',
      'x-subject-token': '[REDACTED]',
      accept: 'a, b',
      'x-sdk-date': '20260101T000000Z',
    });
  });

  it('replaces secret fields at any depth of other bodies and keeps the rest (a tag key is no secret)', () => {
    const body = {
      credentials: [{ token: 't', secret_key: 's', project_id: 'x' }],
      tags: [{ key: 'token', values: [] }],
    };
    expect(redactBody(body)).toEqual({
      credentials: [{ token: '[REDACTED]', secret_key: '[REDACTED]', project_id: 'x' }],
      tags: [{ key: 'token', values: [] }],
    });
    expect(redactBody({ auth: { identity: { password: { user: { name: 'n', password: 'p' } } } } })).toEqual({
      auth: { identity: { password: { user: { name: 'n', password: '[REDACTED]' } } } },
    });
  });

  it('redacts every secret-named field of an auth body, whatever the identity method', () => {
    const keystoneToken = {
      auth: {
        identity: { methods: ['token'], token: { id: 'gAAAA-keystone-token' } },
        scope: { project: { id: 'p1' } },
      },
    };
    expect(redactBody(keystoneToken)).toEqual({
      auth: {
        identity: { methods: ['token'], token: { id: '[REDACTED]' } },
        scope: { project: { id: 'p1' } },
      },
    });
    const huaweiAkSk = {
      auth: {
        identity: { methods: ['hw_ak_sk'], hw_ak_sk: { access: { key: 'AK1' }, secret: { key: 'SK1' } } },
      },
    };
    expect(JSON.stringify(redactBody(huaweiAkSk))).not.toMatch(/AK1|SK1/);
    expect(redactBody({ auth: { identity: { totp: { user: { id: 'u', passcode: 123456 } } } } })).toEqual({
      auth: { identity: { totp: { user: { id: 'u', passcode: '[REDACTED]' } } } },
    });
  });

  it('leaves no string of a secret-named auth field anywhere (property)', () => {
    const name = fc.constantFrom(
      'password',
      'Secret',
      'token',
      'key',
      'secret_key',
      'apiKey',
      'x_token',
      'name',
      'id',
    );
    const leaf = fc.string({ minLength: 8 }).map((s) => `SECRET-${s}`);
    const tree = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        leaf,
        fc.array(tie('node'), { maxLength: 3 }),
        fc.dictionary(name, tie('node'), { maxKeys: 3 }),
      ),
    })).node;
    fc.assert(
      fc.property(fc.dictionary(name, tree, { maxKeys: 4 }), (identity) => {
        const out = JSON.stringify(redactBody({ auth: { identity } }));
        // Each leaf that sits under a secret-named field (with no `user` in between, which
        // names who logs in) must be gone.
        const secretsIn = (value: unknown, under: boolean): string[] => {
          if (typeof value === 'string') return under ? [value] : [];
          if (Array.isArray(value)) return value.flatMap((v) => secretsIn(v, under));
          if (typeof value === 'object' && value !== null)
            return Object.entries(value).flatMap(([k, v]) =>
              secretsIn(v, /password|secret|token|key/i.test(k) || (under && k !== 'user')),
            );
          return [];
        };
        for (const secret of secretsIn(identity, false)) expect(out).not.toContain(JSON.stringify(secret));
      }),
    );
  });
});
