import { readFileSync } from 'node:fs';
import { EmulatorDataError } from '../errors.js';
import type { EmulatorData } from '../types.js';
import { validateEmulatorData } from './validate-data.js';

/** Reads and validates a data file; every error names the file. */
export function loadEmulatorDataFile(path: string): EmulatorData {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    const reason = (cause as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'cannot be read';
    throw new EmulatorDataError(reason, { file: path, cause });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new EmulatorDataError(`not valid JSON (${(cause as Error).message})`, { file: path, cause });
  }
  try {
    return validateEmulatorData(json);
  } catch (error) {
    if (EmulatorDataError.isInstance(error)) throw error.inFile(path);
    throw error;
  }
}
