import ts from 'typescript';

/*
 * V8 compiles a function's bytecode the first time it is called, not when its file is
 * compiled, unless the function literal stands in parentheses (the "PIFE" heuristic: such
 * a function is usually called at once). Node's compile cache stores what was compiled with
 * the file, so the functions of the csbs bundle that every command runs were parsed and
 * compiled again on every run: V8's function-events log counts ~1,000 of them for
 * `backups list --max 5`, zod's schema initialisers and undici's module bodies foremost.
 *
 * `eagerFunctions` puts exactly those in parentheses, so they are compiled with their file
 * and land in the cache. It only ever changes how V8 compiles, never what the code does:
 *
 * - a function or arrow expression `f` becomes `(f)` (a name it gets from `x = f` or
 *   `{ key: f }` still applies through the parentheses);
 * - an object-literal method `key(a) {…}` (esbuild writes each CommonJS module body as
 *   one) becomes `key: (function (a) {…})`, unless it is a getter or setter, a generator,
 *   uses `super` (a method's home object) or has a computed key. Its `.name` stays `key`;
 *   what changes is that it could now be called with `new`, which no module body is;
 * - declarations and class members cannot be parenthesised and stay as they are.
 *
 * No line is added or removed, so the source maps' lines still hold; on a line with an
 * edit, the columns after it are off by the few characters inserted.
 */

/** Where a function ends in the file (V8's coverage `endOffset`, the end of its body). */
export type FunctionEnds = ReadonlySet<number>;

export interface EagerResult {
  text: string;
  /** Functions put in parentheses (expressions) or rewritten (object-literal methods). */
  wrapped: number;
}

interface Edit {
  at: number;
  /** Text inserted at `at`; with `deleteTo`, the text from `at` to `deleteTo` is removed first. */
  insert: string;
  deleteTo?: number;
}

const hasModifier = (node: ts.Node, kind: ts.SyntaxKind) =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === kind);

function usesSuper(node: ts.Node): boolean {
  let found = false;
  const visit = (child: ts.Node): void => {
    if (found) return;
    if (child.kind === ts.SyntaxKind.SuperKeyword) found = true;
    // An inner non-arrow function or class has a `super` of its own.
    else if (!ts.isFunctionDeclaration(child) && !ts.isFunctionExpression(child) && !ts.isClassLike(child))
      ts.forEachChild(child, visit);
  };
  ts.forEachChild(node, visit);
  return found;
}

/** Puts the functions that end at one of `ends` in parentheses (see above). */
export function eagerFunctions(fileName: string, text: string, ends: FunctionEnds): EagerResult {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const edits: Edit[] = [];
  const visit = (node: ts.Node): void => {
    if (ends.has(node.end)) {
      if (ts.isFunctionExpression(node) || ts.isArrowFunction(node)) {
        edits.push({ at: node.getStart(source), insert: '(' }, { at: node.end, insert: ')' });
      } else if (
        ts.isMethodDeclaration(node) &&
        ts.isObjectLiteralExpression(node.parent) &&
        node.body !== undefined &&
        node.asteriskToken === undefined &&
        !ts.isComputedPropertyName(node.name) &&
        !usesSuper(node)
      ) {
        const async = hasModifier(node, ts.SyntaxKind.AsyncKeyword);
        // `async key(a) {` -> `key: (async function (a) {`: the modifier moves after the key.
        if (async)
          edits.push({ at: node.getStart(source), insert: '', deleteTo: node.name.getStart(source) });
        edits.push(
          { at: node.name.end, insert: `: (${async ? 'async ' : ''}function ` },
          { at: node.end, insert: ')' },
        );
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  // Applied from the end, so that every offset still points into the original text.
  edits.sort((a, b) => b.at - a.at);
  let out = text;
  for (const edit of edits) out = out.slice(0, edit.at) + edit.insert + out.slice(edit.deleteTo ?? edit.at);
  return { text: out, wrapped: edits.filter((e) => e.insert.endsWith(')')).length };
}
