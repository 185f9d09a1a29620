import { execFileSync, spawnSync } from 'node:child_process';
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

  it('runs backups list without loading yaml (only yaml output loads it)', () => {
    const dist = dirname(dirname(csbsBin));
    const entry = readdirSync(dist).find((f) => /^backups-list-\w+\.js$/.test(f));
    expect(entry).toBeDefined();
    const files: string[] = [];
    const visit = (file: string) => {
      if (files.includes(file)) return;
      files.push(file);
      const source = readFileSync(file, 'utf8');
      for (const m of source.matchAll(/^import\s(?:[^;]*?\sfrom\s)?\s*"([^"]+)"/gms))
        if (m[1]!.startsWith('.')) visit(resolve(dirname(file), m[1]!));
    };
    visit(join(dist, entry!));
    const packages = new Set(files.flatMap(bundledSources).map(packageOf));
    expect(packages).toContain('zod');
    expect(packages).toContain('undici');
    expect(packages).not.toContain('yaml');
  });

  it.each(['enums', 'errors'])('takes %s from a models entry that imports no package (no zod)', (entry) => {
    const file = resolve(import.meta.dirname, `../../../../packages/models/dist/${entry}.js`);
    const source = readFileSync(file, 'utf8');
    const specifiers = [...source.matchAll(/^import\s(?:[^;]*?\sfrom\s)?\s*"([^"]+)"/gms)].map((m) => m[1]!);
    expect(specifiers.filter((s) => !s.startsWith('.'))).toEqual([]);
  });
});

/** A Node on this machine older than the CLI supports (the system's Node 20, say), if any. */
function olderNode(): { path: string; version: string } | undefined {
  const found = spawnSync('which', ['-a', 'node'], { encoding: 'utf8' }).stdout.split('\n');
  for (const path of [...found, '/usr/bin/node', '/usr/local/bin/node']) {
    if (path === '') continue;
    try {
      const version = execFileSync(path, ['-p', 'process.versions.node'], { encoding: 'utf8' }).trim();
      const [major = 0, minor = 0] = version.split('.').map(Number);
      if (major < 22 || (major === 22 && minor < 19)) return { path, version };
    } catch {
      // Not a runnable Node; try the next.
    }
  }
  return undefined;
}

const older = olderNode();

describe('on an unsupported Node', () => {
  it.skipIf(older === undefined)('says so in one line and exits 2, before anything crashes', () => {
    const result = spawnSync(older!.path, [csbsBin, 'config', 'show'], { encoding: 'utf8' });
    expect(result.stderr).toBe(`csbs needs Node 22.19 or newer; this is ${older!.version}\n`);
    expect(result.stdout).toBe('');
    expect(result.status).toBe(2);
  });
});
