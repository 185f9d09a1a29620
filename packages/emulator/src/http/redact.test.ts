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

  it('replaces secret string fields at any depth and keeps the rest', () => {
    const body = {
      auth: { identity: { password: { user: { name: 'n', password: 'p' } } } },
      credentials: [{ token: 't', secret_key: 's', project_id: 'x' }],
      tags: [{ key: 'token', values: [] }],
    };
    expect(redactBody(body)).toEqual({
      auth: { identity: { password: { user: { name: 'n', password: '[REDACTED]' } } } },
      credentials: [{ token: '[REDACTED]', secret_key: '[REDACTED]', project_id: 'x' }],
      tags: [{ key: 'token', values: [] }],
    });
  });
});
