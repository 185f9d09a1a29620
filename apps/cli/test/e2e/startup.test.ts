import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csbsBin } from '../helpers/run-csbs.js';

/**
 * The files the built entry loads before any command runs: its static imports, and the
 * one dynamic import of the bin (run, imported once the compile cache is on), with theirs.
 */
function startupFiles(entry: string): string[] {
  const files: string[] = [];
  const visit = (file: string, followDynamic: boolean) => {
    if (files.includes(file)) return;
    files.push(file);
    const source = readFileSync(file, 'utf8');
    const specifiers = [...source.matchAll(/^import\s(?:[^;]*?\sfrom\s)?\s*"([^"]+)"/gms)].map((m) => m[1]!);
    if (followDynamic) specifiers.push(...[...source.matchAll(/\bimport\("([^"]+)"\)/g)].map((m) => m[1]!));
    for (const specifier of specifiers) {
      // The dist is a bundle: anything but a chunk of it is one of Node's own modules.
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier), false);
      else expect(builtinModules).toContain(specifier.replace(/^node:/, ''));
    }
  };
  visit(entry, true);
  return files;
}

/** The sources bundled into a file, from the `// path` line esbuild writes before each one. */
function bundledSources(file: string): string[] {
  return [
    ...readFileSync(file, 'utf8').matchAll(/^\/\/ ((?:\.\.\/)+(?:node_modules|packages)\/\S+|src\/\S+)$/gm),
  ]
    .map((m) => m[1]!.replace(/^(\.\.\/)+/, '').replace(/^node_modules\/\.pnpm\/[^/]+\/node_modules\//, ''))
    .map((path) => (path.startsWith('packages/') ? `@csbs-kit/${path.split('/')[1]}` : path));
}

const packageOf = (source: string) =>
  source
    .split('/')
    .slice(0, source.startsWith('@') ? 2 : 1)
    .join('/');

describe('start-up', () => {
  it('loads only the command parser until a command runs: no client, undici, zod, yaml or emulator', () => {
    const files = startupFiles(csbsBin);
    expect(files.length).toBeGreaterThan(1);
    const packages = new Set(files.flatMap(bundledSources).map(packageOf));
    packages.delete('src');
    // The word lists come from models' zod-free ./enums entry (its chunk has no zod).
    expect([...packages].sort()).toEqual(['@csbs-kit/models', 'commander', 'picocolors']);
    const models = files.flatMap(bundledSources).filter((s) => s.startsWith('@csbs-kit/models'));
    expect(models.every((s) => !s.endsWith('/index.js'))).toBe(true);
  });

  it('bundles undici as its Agent alone: no fetch, WebSocket, cache or mock layers', () => {
    const dist = dirname(dirname(csbsBin));
    const sources = readdirSync(dist)
      .filter((f) => f.endsWith('.js'))
      .flatMap((f) => bundledSources(join(dist, f)));
    const undici = sources.filter((s) => s.startsWith('undici/'));
    expect(undici).toContain('undici/lib/dispatcher/agent.js');
    expect(undici).not.toContain('undici/index.js');
    expect(undici.filter((s) => /\/(websocket|eventsource|mock|cache)\//.test(s))).toEqual([]);
  });

  it('takes the word lists from a models entry that imports no package (no zod)', () => {
    const enums = resolve(import.meta.dirname, '../../../../packages/models/dist/enums.js');
    const source = readFileSync(enums, 'utf8');
    const specifiers = [...source.matchAll(/^import\s(?:[^;]*?\sfrom\s)?\s*"([^"]+)"/gms)].map((m) => m[1]!);
    expect(specifiers.filter((s) => !s.startsWith('.'))).toEqual([]);
  });
});
