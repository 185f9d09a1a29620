'use strict';
// undici requires `node:assert` in 34 of its modules, 18 of them on the path of every
// request, only to call `assert(value[, message])` on invariants that hold. Loading
// node:assert (with the colour, diff and Myers modules behind it) costs 3–8 ms of each
// command's start-up, so in the csbs bundle those modules get this function instead: the
// same check, and on the first failure the real assert, which throws its AssertionError
// (the message undici passed, or one that names this call site). undici 8 calls nothing
// else on it (no `assert.strictEqual` …); the build fails if a module asks for more,
// see tsup.config.ts.
let assert;

module.exports = function assertOnFailure(value, message) {
  if (value) return;
  assert ??= require('node:assert');
  assert(value, message);
};
