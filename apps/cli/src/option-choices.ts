import { checkpointStatuses, outputFormats } from './vocabulary.js';

/** The value choices of some options, for shell completion. */
export const optionChoices: Record<string, readonly string[]> = {
  '--output': outputFormats,
  '--status': checkpointStatuses,
};
