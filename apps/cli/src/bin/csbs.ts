#!/usr/bin/env node
// Only the version check and the walk option are imported statically: on an older Node,
// the modules behind the CLI (undici) crash while loading, so the rest is imported after
// the check has passed.
import * as nodeModule from 'node:module';
import { unsupportedNodeMessage } from './node-support.js';
import { walkRestartArgs } from './walk-option.js';

const unsupported = unsupportedNodeMessage(process.versions.node);
if (unsupported !== undefined) {
  process.stderr.write(`${unsupported}\n`);
  process.exit(2);
}

// A long walk starts over as a Node with a small young generation (see walk-option.ts):
// the same process (pid, stdio, signals, exit code), replaced before anything has loaded,
// at the cost of one more Node start. Without execve (Windows) or if it fails, the walk
// runs here with V8's default sizes: the same output, a larger peak RSS.
const restart = walkRestartArgs(process);
if (restart !== undefined && process.execve !== undefined) {
  try {
    process.execve(process.execPath, restart);
  } catch {
    // Run here instead.
  }
}

// Compiled code of the CLI and its bundled libraries is cached on disk (in the OS temp
// folder, per Node version) so that a second run skips parsing: about a third of the
// start-up of a real command. Best effort: a read-only temp folder just means no cache.
// (A namespace import: a named one would fail to link on a Node without it.)
nodeModule.enableCompileCache?.();

// Imported after the cache is on, so that everything the command loads is cached.
await import('./main.js');
