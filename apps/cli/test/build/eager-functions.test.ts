import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { eagerFunctions } from '../../build/eager-functions.ts';

/** The end offset of every function-like node of `text`: what V8's coverage reports as `endOffset`. */
function functionEnds(text: string): number[] {
  const source = ts.createSourceFile('x.js', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const ends: number[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node)) ends.push(node.end);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return [...new Set(ends)];
}

const endOf = (text: string, marker: string) => {
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`no ${marker}`);
  return at + marker.length;
};

// A script whose last expression reports what its functions do and how they are named.
const program = `
const register = (f) => f;
const arrow = register((a, b) => a + b);
const concise = (x) => ({ x });
const named = function named(n) { return n < 2 ? n : named(n - 1) + named(n - 2); };
const anonymous = function () { return typeof this; };
class Base { greet() { return 'base'; } }
const mods = {
  "lib/a.js"(exports, module) { module.exports = { a: 1, self: this === mods }; },
  async later(v) { return v * 2; },
  *gen() { yield 1; yield 2; },
  get size() { return 3; },
  [\`comp\${1}\`](x) { return x; },
  __proto__: { greet() { return 'proto'; } },
  viaSuper() { return super.greet(); },
};
function hoisted() { return early; }
var early = hoisted.name;
class Counter { #n = 0; step() { return ++this.#n; } static { Counter.made = true; } }
const counter = new Counter();
const out = {
  arrow: arrow(2, 3), arrowName: arrow.name, concise: concise(4).x, conciseName: concise.name,
  fib: named(10), namedName: named.name, anonymousName: anonymous.name, anonymousThis: anonymous(),
  moduleBody: (() => { const m = { exports: {} }; mods['lib/a.js'](m.exports, m); return m.exports; })(),
  moduleName: mods['lib/a.js'].name, laterName: mods.later.name, gen: [...mods.gen()], size: mods.size,
  comp: mods.comp1(7), viaSuper: mods.viaSuper(), hoisted: early, steps: [counter.step(), counter.step()],
  made: Counter.made,
};
mods.later(21).then((v) => { out.later = v; });
out;
`;

async function evaluate(text: string): Promise<unknown> {
  const out = runInNewContext(text) as Record<string, unknown>;
  // `later` settles on the microtask queue.
  await new Promise((resolve) => setImmediate(resolve));
  return JSON.parse(JSON.stringify(out));
}

describe('eagerFunctions', () => {
  it('puts a function and an arrow expression in parentheses, names and all', () => {
    const text = 'const f = register((a) => a + 1);\nconst g = function () { return 1; };\n';
    const ends = new Set([endOf(text, 'a + 1'), endOf(text, 'return 1; }')]);
    expect(eagerFunctions('x.js', text, ends)).toEqual({
      text: 'const f = register(((a) => a + 1));\nconst g = (function () { return 1; });\n',
      wrapped: 2,
    });
  });

  it('rewrites an object-literal method, async too, as a property holding a parenthesised function', () => {
    const text =
      'const m = { "lib/a.js"(exports, module) { module.exports = 1; }, async later(v) { return v; } };';
    const ends = new Set([endOf(text, 'module.exports = 1; }'), endOf(text, 'return v; }')]);
    expect(eagerFunctions('x.js', text, ends).text).toBe(
      'const m = { "lib/a.js": (function (exports, module) { module.exports = 1; }), later: (async function (v) { return v; }) };',
    );
  });

  it('leaves what cannot be parenthesised as it is: declarations, class members, accessors, generators, super, computed keys', () => {
    const text = [
      'function f() { return 1; }',
      'class C { m() { return 2; } }',
      'const o = { get g() { return 3; }, *h() { yield 4; }, s() { return super.x; }, [k]() { return 5; } };',
    ].join('\n');
    expect(eagerFunctions('x.js', text, new Set(functionEnds(text)))).toEqual({ text, wrapped: 0 });
  });

  it('touches only the functions that ran', () => {
    const text = 'const a = () => 1;\nconst b = () => 2;\n';
    expect(eagerFunctions('x.js', text, new Set([endOf(text, '() => 2')])).text).toBe(
      'const a = () => 1;\nconst b = (() => 2);\n',
    );
  });

  it('never changes what a program does, whichever of its functions ran (property)', async () => {
    const expected = await evaluate(program);
    expect(expected).toMatchObject({ fib: 55, moduleName: 'lib/a.js', laterName: 'later', later: 42 });
    const ends = functionEnds(program);
    await fc.assert(
      fc.asyncProperty(fc.subarray(ends), async (ran) => {
        const result = eagerFunctions('x.js', program, new Set(ran));
        expect(await evaluate(result.text)).toEqual(expected);
      }),
      { numRuns: 60 },
    );
    // With every function: the expressions and the plain object methods, nothing else.
    expect(eagerFunctions('x.js', program, new Set(ends)).wrapped).toBeGreaterThanOrEqual(10);
  });
});
