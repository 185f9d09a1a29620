import { run } from '../run.js';

// `csbs backups list | head` (or `2>&1 | head`) closes a pipe early: that is the reader's
// choice, not an error, whether the pipe was stdout or stderr.
const endQuietlyOnEpipe = (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
};
process.stdout.on('error', endQuietlyOnEpipe);
process.stderr.on('error', endQuietlyOnEpipe);

// Exit through exitCode, not process.exit(), so that stdout is flushed before we go.
process.exitCode = await run(process.argv.slice(2));
