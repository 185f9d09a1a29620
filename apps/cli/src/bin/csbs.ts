#!/usr/bin/env node
// Only the version check is imported statically: on an older Node, the modules behind the
// CLI (undici) crash while loading, so the rest is imported after the check has passed.
import { unsupportedNodeMessage } from './node-support.js';

const unsupported = unsupportedNodeMessage(process.versions.node);
if (unsupported !== undefined) {
  process.stderr.write(`${unsupported}\n`);
  process.exit(2);
}
await import('./main.js');
