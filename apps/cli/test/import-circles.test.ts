import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ImportGraph, importCircles, importGraph, relativeImports } from './helpers/import-graph.js';

describe('relativeImports', () => {
  it('sees static, re-exported, type-only and dynamic imports, and skips packages', () => {
    const source = [
      "import type { A } from './a.js';",
      "import { b } from '../b.js';",
      "export { c } from './c.js';",
      "export type { D } from './d.js';",
      "import 'node:fs';",
      "import { z } from 'zod';",
      "const e = await import('./e.js');",
      'const f = () => import(`./f.js`);',
    ].join('\n');
    expect(relativeImports(source)).toEqual(['./a.js', '../b.js', './c.js', './d.js', './e.js', './f.js']);
  });
});

describe('importCircles', () => {
  const graph = (edges: Record<string, string[]>): ImportGraph => new Map(Object.entries(edges));

  it('finds a circle through several files, and a file importing itself', () => {
    expect(
      importCircles(
        graph({
          'program.ts': ['commands/list.ts', 'vocabulary.ts'],
          'commands/list.ts': ['handler.ts', 'run.ts'],
          'run.ts': ['program.ts'],
          'handler.ts': [],
          'vocabulary.ts': [],
          'self.ts': ['self.ts'],
        }),
      ),
    ).toEqual([['commands/list.ts', 'program.ts', 'run.ts'], ['self.ts']]);
  });

  it('finds none in a graph whose imports all point one way', () => {
    expect(importCircles(graph({ 'a.ts': ['b.ts', 'c.ts'], 'b.ts': ['c.ts'], 'c.ts': [] }))).toEqual([]);
  });
});

describe('the CLI sources', () => {
  const root = resolve(import.meta.dirname, '../src');

  it('form an import graph with no circle (dynamic and type-only imports included)', () => {
    const graph = importGraph(root);
    expect(graph.size).toBeGreaterThan(50);
    expect(graph.get('run.ts')).toContain('program.ts');
    expect(importCircles(graph)).toEqual([]);
  });
});
