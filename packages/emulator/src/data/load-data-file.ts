import { readFileSync } from 'node:fs';
import { EmulatorDataError } from '../errors.js';
import type { EmulatorData } from '../types.js';
import { rememberSourceTexts } from './source-texts.js';
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
  let data: EmulatorData;
  try {
    data = validateEmulatorData(json);
  } catch (error) {
    if (EmulatorDataError.isInstance(error)) throw error.inFile(path);
    throw error;
  }
  // Each item's text is sliced from the file where it is what JSON.stringify would write,
  // rather than serialised again from the parse.
  rememberSourceTexts(text, data);
  return data;
}
