import { run } from '../run.js';

// `csbs backups list | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

// Exit through exitCode, not process.exit(), so that stdout is flushed before we go.
process.exitCode = await run(process.argv.slice(2));
