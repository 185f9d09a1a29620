import { readFileSync } from 'node:fs';
import { EmulatorDataError } from '../errors.js';
import { EmulatorState } from '../store/emulator-state.js';
import type { EmulatorData } from '../types.js';
import { stateOfDataText } from './item-by-item-load.js';
import { rememberSourceTexts } from './source-texts.js';
import { validateEmulatorData } from './validate-data.js';

function readDataFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (cause) {
    const reason = (cause as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'cannot be read';
    throw new EmulatorDataError(reason, { file: path, cause });
  }
}

/** The data of a file's text, parsed whole and validated; every error names the file. */
function dataOfText(path: string, text: string): EmulatorData {
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

/** Reads and validates a data file; every error names the file. */
export function loadEmulatorDataFile(path: string): EmulatorData {
  return dataOfText(path, readDataFile(path));
}

/**
 * The emulator state of a data file (what `--data FILE` serves): loaded item by item where
 * the file allows it, else parsed whole; the same state, and the same errors, either way.
 */
export function loadEmulatorStateFile(path: string): EmulatorState {
  const text = readDataFile(path);
  return stateOfDataText(text) ?? EmulatorState.fromData(dataOfText(path, text));
}
