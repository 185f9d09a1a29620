import type { TagQuery } from '@csbs-kit/models';
import { describe, expect, it } from 'vitest';
import { SelectorSyntaxError } from '../errors.js';
import { parseSelector } from './parser.js';

const t = (key: string, ...values: string[]) => ({ key, values });

function syntaxError(text: string): SelectorSyntaxError {
  try {
    parseSelector(text);
  } catch (error) {
    if (SelectorSyntaxError.isInstance(error)) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(text)} to be refused`);
}

describe('parseSelector: the forms of DESIGN.md', () => {
  const cases: [string, TagQuery][] = [
    ['env', { tags: [t('env')] }],
    ['env=prod', { tags: [t('env', 'prod')] }],
    ['env==prod', { tags: [t('env', 'prod')] }],
    ['env in (prod,staging)', { tags: [t('env', 'prod', 'staging')] }],
    ['!env', { not_tags_any: [t('env')] }],
    ['env!=prod', { not_tags_any: [t('env', 'prod')] }],
    ['env notin (a,b)', { not_tags_any: [t('env', 'a', 'b')] }],
    ['any(team=web, tier)', { tags_any: [t('team', 'web'), t('tier')] }],
    ['!(env=prod, tier=db)', { not_tags: [t('env', 'prod'), t('tier', 'db')] }],
    ['', {}],
    [' \t\n', {}],
  ];
  it.each(cases)('%j', (text, expected) => {
    expect(parseSelector(text)).toEqual(expected);
  });
});

describe('parseSelector: Kubernetes label-selector cases, in our grammar', () => {
  // Ported from kubernetes/apimachinery pkg/labels/selector_test.go (TestSelectorParse,
  // TestToString, TestParserLookahead). Where Kubernetes allows bare empty values
  // (`x=`), ours wants `x=""`; its `<`/`>` operators have no CSBS counterpart.
  const good: [string, TagQuery][] = [
    ['x=a,y=b,z=c', { tags: [t('x', 'a'), t('y', 'b'), t('z', 'c')] }],
    ['x!=a,y=b', { tags: [t('y', 'b')], not_tags_any: [t('x', 'a')] }],
    ['x=""', { tags: [t('x', '')] }],
    ['x="",z=""', { tags: [t('x', ''), t('z', '')] }],
    ['x in (a)', { tags: [t('x', 'a')] }],
    ['x in (a,b,c)', { tags: [t('x', 'a', 'b', 'c')] }],
    ['x in ( a , b )', { tags: [t('x', 'a', 'b')] }],
    ['x notin (a)', { not_tags_any: [t('x', 'a')] }],
    ['!x', { not_tags_any: [t('x')] }],
    ['x,y', { tags: [t('x'), t('y')] }],
    ['x, y', { tags: [t('x'), t('y')] }],
    ['x=a,y!=b', { tags: [t('x', 'a')], not_tags_any: [t('y', 'b')] }],
    ['x in (a,b),!z', { tags: [t('x', 'a', 'b')], not_tags_any: [t('z')] }],
    ['w in (a,b),x=c,y', { tags: [t('w', 'a', 'b'), t('x', 'c'), t('y')] }],
    ['example.com/key=val-1_2', { tags: [t('example.com/key', 'val-1_2')] }],
    ['key==value', { tags: [t('key', 'value')] }],
    ['in=notin', { tags: [t('in', 'notin')] }],
    ['notin in (in)', { tags: [t('notin', 'in')] }],
  ];
  it.each(good)('accepts %j', (text, expected) => {
    expect(parseSelector(text)).toEqual(expected);
  });

  const bad = [
    'x=a||y=b',
    'x==a==b',
    '!x=a',
    'x<a',
    'x>1',
    'x=a,',
    'x in (a',
    'x in (a,b,',
    'x in a',
    'x in ()',
    'x=',
    'x= ',
    ',x',
    'x,,y',
    'x=(a)',
    '=a',
    'x notin',
    'x!a',
  ];
  it.each(bad)('refuses %j', (text) => {
    expect(() => parseSelector(text)).toThrow(SelectorSyntaxError);
  });
});

describe('parseSelector: quoting', () => {
  const cases: [string, TagQuery][] = [
    ['env="a b"', { tags: [t('env', 'a b')] }],
    ['env=""', { tags: [t('env', '')] }],
    ['"my key"', { tags: [t('my key')] }],
    ['"any"', { tags: [t('any')] }],
    ['k="say \\"hi\\""', { tags: [t('k', 'say "hi"')] }],
    ['k="back\\\\slash"', { tags: [t('k', 'back\\slash')] }],
    ['k="x\\n\\t\\r\\u0041"', { tags: [t('k', 'x\n\t\rA')] }],
    ['k="*value1"', { tags: [t('k', '*value1')] }],
    ['k in ("a,b", c)', { tags: [t('k', 'a,b', 'c')] }],
    ['k="  padded  "', { tags: [t('k', 'padded')] }],
    ['" k "=v', { tags: [t('k', 'v')] }],
    ['k="é 😀"', { tags: [t('k', 'é 😀')] }],
  ];
  it.each(cases)('%j', (text, expected) => {
    expect(parseSelector(text)).toEqual(expected);
  });
});

describe('parseSelector: groups, merging and contradictions', () => {
  const cases: [string, TagQuery][] = [
    ['env in (a,b),env=b', { tags: [t('env', 'b')] }],
    ['env in (a,b,c),env in (b,c,d)', { tags: [t('env', 'b', 'c')] }],
    ['env,env=a', { tags: [t('env', 'a')] }],
    ['env=a,env', { tags: [t('env', 'a')] }],
    ['env!=a,env!=b', { not_tags_any: [t('env', 'a', 'b')] }],
    ['env notin (a),!env', { not_tags_any: [t('env')] }],
    ['env in (a,b),env!=a', { tags: [t('env', 'a', 'b')], not_tags_any: [t('env', 'a')] }],
    ['env,env!=a', { tags: [t('env')], not_tags_any: [t('env', 'a')] }],
    ['x in (b,a,b)', { tags: [t('x', 'a', 'b')] }],
    ['any(env=a,env=b)', { tags_any: [t('env', 'a', 'b')] }],
    ['any(env=a,env)', { tags_any: [t('env')] }],
    ['!(env in (a,b),env=a)', { not_tags: [t('env', 'a')] }],
    ['any(x),!(y),z,!w', { tags: [t('z')], tags_any: [t('x')], not_tags: [t('y')], not_tags_any: [t('w')] }],
    ['!(y),any(x)', { tags_any: [t('x')], not_tags: [t('y')] }],
    ['env=a,any(env=b)', { tags: [t('env', 'a')], tags_any: [t('env', 'b')] }],
    ['any=1', { tags: [t('any', '1')] }],
    ['any in (x)', { tags: [t('any', 'x')] }],
    ['! ( a )', { not_tags: [t('a')] }],
  ];
  it.each(cases)('%j', (text, expected) => {
    expect(parseSelector(text)).toEqual(expected);
  });

  // column, the start of `expected`, and `found`
  const errors: [string, number, string, string][] = [
    ['env in (a, bc', 14, "')' after values", 'end of input'],
    ['env=a,env=b', 7, 'a requirement compatible with `env=a` (column 1)', '`env=b`, which contradicts it'],
    ['env,!env', 5, 'a requirement compatible with `env` (column 1)', '`!env`, which contradicts it'],
    ['!env,env', 6, 'a requirement compatible with `!env` (column 1)', '`env`, which contradicts it'],
    ['env=a,env!=a', 7, 'a requirement compatible with `env=a`', '`env!=a`, which contradicts it'],
    [
      'env in (a,b),env notin (a,b)',
      14,
      'a requirement compatible with `env in (a,b)`',
      '`env notin (a,b)`, which contradicts it',
    ],
    [
      'env in (a,b),env!=a,env=a',
      21,
      'a requirement compatible with `env!=a` (column 14)',
      '`env=a`, which contradicts it',
    ],
    [
      'env in (a,b),env in (c,d)',
      14,
      'a requirement compatible with `env in (a,b)`',
      '`env in (c,d)`, which contradicts it',
    ],
    [
      '!(a=1,a=2)',
      7,
      'a requirement compatible with `a=1` (column 3)',
      '`a=2`, which contradicts it (the group would always hold)',
    ],
    ['any(a),any(b)', 8, 'one any(...) group', "'any'"],
    ['!(a),!(b)', 6, 'one !(...) group', "'!'"],
    ['any(!x)', 5, 'a requirement (key, key=value or key in (...)) inside any(...)', "'!'"],
    ['any(x!=1)', 6, 'a requirement (key, key=value or key in (...)) inside any(...)', "'!='"],
    ['!(x notin (1))', 5, 'a requirement (key, key=value or key in (...)) inside !(...)', "'notin'"],
    ['any(any(x))', 5, 'a requirement (key, key=value or key in (...)) inside any(...)', "'any'"],
    ['any()', 5, 'a requirement (key, key=value or key in (...))', "')'"],
    ['any(x', 6, "',' or ')' to close any(...)", 'end of input'],
    ['env prod', 5, "'=', '==', '!=', 'in', 'notin', ',' or end of input after key", "'prod'"],
    ['a@b', 2, "'=', '==', '!=', 'in', 'notin'", "'@'"],
    ['@', 1, 'a requirement', "'@'"],
    ['é=1', 1, 'a requirement', "'é'"],
    ['😀=1,é', 1, 'a requirement', "'😀'"],
    ['k="😀",é', 7, 'a requirement', "'é'"],
    ['!env=prod', 5, "',' or end of input after '!key'", "'='"],
    ['x=a,', 5, 'a requirement', 'end of input'],
    ['x in (a', 8, "')' after values", 'end of input'],
    ['x in a', 6, "'(' after 'in'", "'a'"],
    ['x=', 3, "a value after '='", 'end of input'],
    ['k="abc', 7, `a closing '"' for the string opened at column 3`, 'end of input'],
    ['k="a\\qb"', 5, 'an escape sequence', "'\\q'"],
    ['k="a\\u12"', 5, 'an escape sequence', "'\\u'"],
    ['k="a\\', 5, 'an escape sequence', 'end of input'],
    ['""=a', 1, 'a non-empty key', '""'],
    ['"  "', 1, 'a non-empty key', '"  "'],
    ['x=a\u0000', 4, "',' or end of input", '"\\u0000"'],
  ];
  it.each(errors)('%j → column %i', (text, column, expected, found) => {
    const error = syntaxError(text);
    expect(error.column).toBe(column);
    expect(error.expected.startsWith(expected)).toBe(true);
    expect(error.found).toBe(found);
    expect(error.message).toBe(`expected ${error.expected} at column ${column}, found ${found}`);
    expect(error.code).toBe('SELECTOR_SYNTAX');
    expect(error.name).toBe('SelectorSyntaxError');
  });
});

describe('parseSelector: limits of the reference', () => {
  const list = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `v${i + from}`).join(',');
  const keys = (n: number) => Array.from({ length: n }, (_, i) => `k${i}`).join(',');
  const cases: [string, string, number, string][] = [
    ['10 values', `x in (${list(10)})`, 0, ''],
    ['11 values', `x in (${list(11)})`, 1, 'at most 10 values for key x in tags'],
    [
      '11 values once merged',
      `x notin (${list(6)}),x notin (${list(5, 6)})`,
      29,
      'at most 10 values for key x in not_tags_any',
    ],
    ['10 keys', keys(10), 0, ''],
    ['11 keys', keys(11), 31, 'at most 10 keys in tags'],
    ['11 keys in a group', `any(${keys(11)})`, 35, 'at most 10 keys in tags_any'],
    ['a 127-character key', `${'k'.repeat(127)}`, 0, ''],
    ['a 128-character key', `x,${'k'.repeat(128)}`, 3, 'a key of at most 127 characters'],
    ['a 255-character value', `x="${'v'.repeat(255)}"`, 0, ''],
    ['a 256-character value', `x=${'v'.repeat(256)}`, 3, 'a value of at most 255 characters'],
  ];
  it.each(cases)('%s', (_, text, column, expected) => {
    if (column === 0) {
      expect(() => parseSelector(text)).not.toThrow();
      return;
    }
    const error = syntaxError(text);
    expect(error.column).toBe(column);
    expect(error.expected).toBe(expected);
  });

  it('refuses a value that is not a string with its own error', () => {
    expect(() => parseSelector(42 as unknown as string)).toThrow(SelectorSyntaxError);
    expect(() => parseSelector(undefined as unknown as string)).toThrow(SelectorSyntaxError);
  });
});
