import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fleetScopeFlags } from '../fleet/fleet-flags.js';
import { escapeControls } from '../output/terminal-text.js';
import { asOfFlag, byFlag, reportOutput, staleFlag } from './report-flags.js';

describe('report flags', () => {
  it('reads --stale as hours, days or weeks, and refuses anything else by name', () => {
    expect(staleFlag('36h')).toBe(36 * 3_600_000);
    expect(staleFlag('7d')).toBe(7 * 86_400_000);
    expect(staleFlag('2w')).toBe(14 * 86_400_000);
    expect(staleFlag(undefined)).toBeUndefined();
    for (const bad of ['7', 'd', '0d', '-1d', '1.5d', '7 d', '7days'])
      expect(() => staleFlag(bad), bad).toThrow(/^--stale: must be a whole number and a unit/);
  });

  it('reads --by as distinct keys', () => {
    expect(byFlag('team, env')).toEqual(['team', 'env']);
    expect(() => byFlag('team,,env')).toThrow('--by: key 2 is empty');
    expect(() => byFlag('team,team')).toThrow('--by: names a key twice');
  });

  it('pairs -o csv with exactly one --section', () => {
    expect(reportOutput({})).toEqual({ format: 'text' });
    expect(reportOutput({ output: 'table' })).toEqual({ format: 'text' });
    expect(reportOutput({ output: 'csv', section: 'stale' })).toEqual({ format: 'csv', section: 'stale' });
    expect(() => reportOutput({ output: 'csv' })).toThrow(/^--section: required with -o csv/);
    expect(() => reportOutput({ output: 'json', section: 'stale' })).toThrow('--section: only with -o csv');
    expect(() => reportOutput({ output: 'csv', section: 'nope' })).toThrow(
      /^--section: must be one of totals/,
    );
    expect(() => reportOutput({ output: 'ndjson' })).toThrow(/^--output: must be text, json, yaml or csv/);
  });

  it('reads --as-of as a UTC day or listing time', () => {
    expect(asOfFlag('2026-01-01')?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(asOfFlag('2026-01-01T08:30:00')?.toISOString()).toBe('2026-01-01T08:30:00.000Z');
    expect(() => asOfFlag('yesterday')).toThrow(/^--as-of: must be a UTC time/);
    expect(() => asOfFlag('2026-01-01T08:30:00+02:00')).toThrow(/^--as-of/);
  });
});

describe('fleet scope flags', () => {
  it('reads --projects, --all-projects and --concurrency, checked before any request', () => {
    expect(fleetScopeFlags({})).toBeUndefined();
    expect(fleetScopeFlags({ projects: 'a, b,a' })).toEqual({
      kind: 'projects',
      ids: ['a', 'b'],
      concurrency: 4,
    });
    expect(fleetScopeFlags({ allProjects: true, concurrency: '8' })).toEqual({
      kind: 'all-projects',
      concurrency: 8,
    });
    expect(() => fleetScopeFlags({ projects: 'a', allProjects: true })).toThrow(/cannot be combined/);
    expect(() => fleetScopeFlags({ projects: 'a,,b' })).toThrow('--projects: item 2 must be a project id');
    expect(() => fleetScopeFlags({ projects: 'a/b' })).toThrow('--projects: item 1');
    expect(() => fleetScopeFlags({ allProjects: true, concurrency: '0' })).toThrow(
      /^--concurrency: must be 1\.\.64/,
    );
    expect(() => fleetScopeFlags({ concurrency: '2' })).toThrow(
      '--concurrency: needs --projects or --all-projects',
    );
  });
});

describe('escapeControls, as the report uses it', () => {
  it('leaves no control character, and printable text as it was', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(escapeControls(text)).not.toMatch(
          // biome-ignore lint/suspicious/noControlCharactersInRegex: checking for them
          /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/,
        );
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'abc XYZ-_.,é€\\') }), (text) => {
        expect(escapeControls(text)).toBe(text);
      }),
    );
    expect(escapeControls('a\u001b[31mb\nc')).toBe('a\\x1b[31mb\\x0ac');
  });
});
