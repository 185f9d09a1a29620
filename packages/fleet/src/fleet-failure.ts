import { defineErrorClass, isErrorInstance } from '@csbs-kit/models/errors';
import type { FleetProject } from './fleet-project.js';

/** One project of a fleet walk that failed; the others carried on. */
export interface FleetFailure {
  project: FleetProject;
  /** The error's stable `code` (`CSBS_SERVER_ERROR`, `CSBS_TIMEOUT`, …), or `UNKNOWN`. */
  code: string;
  /** The service's own code when it sent one (`CSBS.9999`, `APIGW.0301`). */
  errorCode: string | undefined;
  error: unknown;
}

export function fleetFailure(project: FleetProject, error: unknown): FleetFailure {
  const e = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    errorCode?: unknown;
  };
  return {
    project,
    code: typeof e.code === 'string' && e.code !== '' ? e.code : 'UNKNOWN',
    errorCode: typeof e.errorCode === 'string' && e.errorCode !== '' ? e.errorCode : undefined,
    error,
  };
}

/**
 * Thrown by the fleet helpers only for their own bad options, before any request. Branded
 * like every csbs-kit error: `FleetOptionsError.isInstance` works across duplicated installs.
 */
export class FleetOptionsError extends Error {
  readonly code = 'FLEET_OPTIONS' as const;
  readonly field: string;

  constructor(field: string, rule: string) {
    super(`${field}: ${rule}`);
    this.field = field;
  }

  static isInstance(x: unknown): x is FleetOptionsError {
    return isErrorInstance(FleetOptionsError, x);
  }

  static {
    defineErrorClass(FleetOptionsError, 'csbs-kit.fleet', 'FleetOptionsError');
  }
}
