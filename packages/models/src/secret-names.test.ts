import { describe, expect, it } from 'vitest';
import {
  isAuthSecretFieldName,
  isSecretFieldName,
  isSecretHeaderName,
  secretFieldNames,
  secretHeaderNames,
} from './secret-names.js';

describe('secret names', () => {
  it.each([
    ['Authorization', true],
    ['X-Auth-Token', true],
    ['x-subject-token', true],
    ['X-Security-Token', true],
    ['Proxy-Authorization', true],
    ['Cookie', true],
    ['Set-Cookie', true],
    ['X-Sdk-Date', false],
    ['Content-Type', false],
    ['X-Request-Id', false],
  ])('header %s is secret: %s', (name, secret) => {
    expect(isSecretHeaderName(name)).toBe(secret);
  });

  it.each([
    ['password', true],
    ['Secret_Key', true],
    ['access_key', true],
    ['security_token', true],
    ['token', true],
    ['key', false],
    ['values', false],
    ['project_id', false],
  ])('field %s is secret outside an auth body: %s', (name, secret) => {
    expect(isSecretFieldName(name)).toBe(secret);
  });

  it.each([
    ['passcode', true],
    ['key', true],
    ['id', false],
    ['name', false],
    ['access', false],
  ])('field %s is secret inside an auth body: %s', (name, secret) => {
    expect(isAuthSecretFieldName(name)).toBe(secret);
  });

  it('lists lower-case names once each, and cannot be changed by a caller', () => {
    for (const list of [secretHeaderNames, secretFieldNames]) {
      expect(new Set(list).size).toBe(list.length);
      for (const name of list) expect(name).toBe(name.toLowerCase());
      expect(Object.isFrozen(list)).toBe(true);
    }
  });
});
