import type { EmulatorCore } from '../emulator-core.js';
import { errorCodes } from '../error-codes.js';
import { EmulatorDataError, EmulatorHttpError, EmulatorOptionsError } from '../errors.js';
import type { FaultOptions } from '../types.js';
import type { RouteName } from './router.js';

const invalid = (message: string, cause?: unknown) =>
  new EmulatorHttpError(400, errorCodes.invalidParameter, message, { cause });

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (cause) {
    throw invalid(`body: not valid JSON (${(cause as Error).message})`, cause);
  }
}

/** The `/__emulator/` endpoints: no auth, JSON in and out. Returns [status, body]. */
export function answerControl(core: EmulatorCore, route: RouteName, body: Buffer): [number, string] {
  switch (route) {
    case 'health': {
      const projects = core.state.projectSizes();
      const items = Object.values(projects).reduce((sum, n) => sum + n, 0);
      return [200, JSON.stringify({ status: 'ok', projects, checkpoint_items: items })];
    }
    case 'reset':
      core.reset();
      return [200, JSON.stringify({ status: 'reset' })];
    case 'loadData': {
      try {
        core.load(parseJson(body));
      } catch (error) {
        if (EmulatorDataError.isInstance(error)) throw invalid(error.message, error);
        throw error;
      }
      return [200, JSON.stringify({ status: 'loaded', projects: core.state.projectSizes() })];
    }
    case 'getFaults':
      return [200, JSON.stringify({ faults: core.faults?.options ?? null })];
    case 'setFaults': {
      const faults = body.length === 0 ? null : parseJson(body);
      try {
        core.setFaults((faults ?? undefined) as FaultOptions | undefined);
      } catch (error) {
        if (EmulatorOptionsError.isInstance(error)) throw invalid(error.message, error);
        throw error;
      }
      return [200, JSON.stringify({ faults: core.faults?.options ?? null })];
    }
    case 'getRequests':
      return [200, JSON.stringify({ requests: core.log.entries() })];
    case 'clearRequests':
      core.log.clear();
      return [200, JSON.stringify({ requests: [] })];
    default:
      throw new EmulatorHttpError(404, errorCodes.unknownPath, 'no such control endpoint');
  }
}
