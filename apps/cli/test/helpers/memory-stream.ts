import { Readable } from 'node:stream';
import type { CliIo, OutputStream } from '../../src/io.js';

/** An OutputStream that keeps what is written, for unit tests of writers and commands. */
export class MemoryStream implements OutputStream {
  text = '';
  isTTY: boolean;

  constructor(isTTY = false) {
    this.isTTY = isTTY;
  }

  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }

  once(_event: 'drain', listener: () => void): this {
    listener();
    return this;
  }
}

export function memoryIo(
  overrides: Partial<CliIo> = {},
): CliIo & { stdout: MemoryStream; stderr: MemoryStream } {
  return {
    stdout: new MemoryStream(),
    stderr: new MemoryStream(),
    stdin: Readable.from([]),
    env: {},
    cwd: '/nonexistent-cwd',
    home: '/nonexistent-home',
    systemConfigDir: '/nonexistent-etc',
    ...overrides,
  } as CliIo & { stdout: MemoryStream; stderr: MemoryStream };
}
