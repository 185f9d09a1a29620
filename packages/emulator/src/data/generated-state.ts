import { demoCredentials } from '../demo-credentials.js';
import { EmulatorState } from '../store/emulator-state.js';
import { StoredItems } from '../store/item-rows.js';
import {
  checkGenerateOptions,
  type GenerateOptions,
  generatedAccounts,
  otherProjectSeed,
} from './generate-data.js';
import { GeneratedItems } from './generated-items.js';

/**
 * The state of `--generate`: the backups of `generateEmulatorData`, drawn straight into
 * columns (no object per backup), with the demo credentials.
 */
export function generateEmulatorState(options: GenerateOptions): EmulatorState {
  const { count, seed, projects } = checkGenerateOptions(options);
  const d = demoCredentials;
  return EmulatorState.fromRows(
    generatedAccounts(),
    new Map([
      [d.projectId, new GeneratedItems(count, seed)],
      [
        d.otherProjectId,
        projects > 1 ? new GeneratedItems(count, otherProjectSeed(seed)) : new StoredItems([]),
      ],
    ]),
  );
}
