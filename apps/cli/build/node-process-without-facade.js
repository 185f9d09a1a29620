// commander's `import process from 'node:process'` is the global `process`; importing the
// built-in as an ES module builds a facade of every property of `process`, and reading
// them runs its lazy getters (`process.report`, `process.finalization`, …): ~2 ms of every
// command. esbuild fails the build if commander imports a name this file does not export.
export default process;
