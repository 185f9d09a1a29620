import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csbsBin } from '../helpers/run-csbs.js';

/**
 * The packages the built entry imports before any command runs: static imports, plus the
 * top-level `await import()` with which the bin loads the CLI once the Node check passed.
 */
function startupImports(entry: string): { files: string[]; packages: Set<string> } {
  const files: string[] = [];
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.includes(file)) return;
    files.push(file);
    const source = readFileSync(file, 'utf8');
    const staticImports = source.matchAll(/^import\s(?:[^;]*?\sfrom\s)?\s*"([^"]+)"/gms);
    const topLevelLoads = source.matchAll(/^await import\("([^"]+)"\)/gm);
    for (const m of [...staticImports, ...topLevelLoads]) {
      const specifier = m[1]!;
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier));
      else packages.add(specifier.replace(/^node:/, ''));
    }
  };
  visit(entry);
  return { files, packages };
}

describe('start-up', () => {
  it('loads only the command parser until a command runs: no client, undici, zod or emulator', () => {
    const { packages, files } = startupImports(csbsBin);
    expect(files.length).toBeGreaterThan(1);
    expect([...packages].sort()).toEqual([
      '@csbs-kit/models/enums',
      '@csbs-kit/models/errors',
      'commander',
      'fs',
      'picocolors',
    ]);
  });

  it.each(['enums', 'errors'])('takes %s from a models entry that imports nothing (no zod)', (entry) => {
    const file = resolve(import.meta.dirname, `../../../../packages/models/dist/${entry}.js`);
    expect(startupImports(file).packages.size).toBe(0);
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
