/**
 * A stream the CLI writes to: `process.stdout` or anything with the same few members. Chunks
 * are text, or UTF-8 bytes (a page of NDJSON as the service sent it), as a Node writable
 * stream takes them.
 */
export interface OutputStream {
  write(chunk: string | Uint8Array): boolean;
  once(event: 'drain', listener: () => void): unknown;
  isTTY?: boolean;
  columns?: number;
}

/**
 * Everything the CLI reads from or writes to its process, passed in so that `run()` can be
 * driven from tests and other programs without touching globals.
 */
export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  stdin: NodeJS.ReadableStream;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** The home folder for `~/.config/openstack`; defaults to `env.HOME`. */
  home?: string;
  /** Where system-wide clouds.yaml lives; `/etc/openstack` unless a test says otherwise. */
  systemConfigDir?: string;
}

export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
  };
}

/** Writes a chunk and waits for `drain` when the stream's buffer is full (backpressure). */
export async function writeChunk(stream: OutputStream, chunk: string | Uint8Array): Promise<void> {
  if (chunk.length === 0) return;
  if (!stream.write(chunk)) await new Promise<void>((resolve) => stream.once('drain', resolve));
}
