import { Readable } from 'node:stream';
import type { CliIo, OutputStream } from '../../src/io.js';

/** An OutputStream that keeps what is written, for unit tests of writers and commands. */
export class MemoryStream implements OutputStream {
  text = '';
  isTTY: boolean;

  constructor(isTTY = false) {
    this.isTTY = isTTY;
  }

  readonly #utf8 = new TextDecoder('utf-8', { fatal: true });

  write(chunk: string | Uint8Array): boolean {
    this.text += typeof chunk === 'string' ? chunk : this.#utf8.decode(chunk, { stream: true });
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
