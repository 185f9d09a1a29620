// An ES module import of a Node built-in makes Node build a facade of all its exports, and
// reading them for `node:util` runs util's lazy getters (parseArgs, styleText, diff, …),
// which load a dozen internal modules and node:worker_threads: ~2 ms of every command,
// for the one function commander takes from it. `process.getBuiltinModule` hands over the
// CommonJS exports, with no facade. esbuild fails the build if commander imports a name
// this file does not export.
export const { stripVTControlCharacters } = process.getBuiltinModule('node:util');
