#!/usr/bin/env node
import { enableCompileCache } from 'node:module';

// Compiled code of the CLI and its bundled libraries is cached on disk (in the OS temp
// folder, per Node version) so that a second run skips parsing: about a third of the
// start-up of a real command. Best effort: a read-only temp folder just means no cache.
enableCompileCache?.();

// `csbs backups list | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

// Imported after the cache is on, so that everything the command loads is cached.
const { run } = await import('../run.js');
// Exit through exitCode, not process.exit(), so that stdout is flushed before we go.
process.exitCode = await run(process.argv.slice(2));
