#!/usr/bin/env node
// Only the version check is imported statically: on an older Node, the modules behind the
// CLI (undici) crash while loading, so the rest is imported after the check has passed.
import * as nodeModule from 'node:module';
import { unsupportedNodeMessage } from './node-support.js';

const unsupported = unsupportedNodeMessage(process.versions.node);
if (unsupported !== undefined) {
  process.stderr.write(`${unsupported}\n`);
  process.exit(2);
}

// Compiled code of the CLI and its bundled libraries is cached on disk (in the OS temp
// folder, per Node version) so that a second run skips parsing: about a third of the
// start-up of a real command. Best effort: a read-only temp folder just means no cache.
// (A namespace import: a named one would fail to link on a Node without it.)
nodeModule.enableCompileCache?.();

// Imported after the cache is on, so that everything the command loads is cached.
await import('./main.js');
