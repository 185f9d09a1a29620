import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csbsBin } from '../helpers/run-csbs.js';

/** The packages the built entry imports before any command runs (static imports only). */
function startupImports(entry: string): { files: string[]; packages: Set<string> } {
  const files: string[] = [];
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.includes(file)) return;
    files.push(file);
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/^import\s(?:[^;]*?\sfrom\s)?\s*"([^"]+)"/gms)) {
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
