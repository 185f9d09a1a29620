import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskUrlUserinfo } from './mask-url.js';

describe('maskUrlUserinfo', () => {
  it.each([
    ['http://alice:PW@host:8080/v3', 'http://****@host:8080/v3'],
    ['https://alice@iam.example/v3', 'https://****@iam.example/v3'],
    ['GET http://a:b@h/x and https://c:d@e/', 'GET http://****@h/x and https://****@e/'],
    ['http://host/path?email=a@b.c', 'http://host/path?email=a@b.c'],
    ['alice@example.com', 'alice@example.com'],
    ['no url here', 'no url here'],
  ])('%s', (text, masked) => {
    expect(maskUrlUserinfo(text)).toBe(masked);
  });

  it('never keeps a password put in the userinfo (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9%!$&'()*+,;=:._~-]{4,20}$/), (password) => {
        fc.pre(!password.includes('****'));
        const url = new URL('http://host.example/v1');
        url.username = 'alice';
        url.password = password;
        expect(maskUrlUserinfo(`endpoint ${url.href} failed`)).not.toContain(url.password);
      }),
    );
  });
});
