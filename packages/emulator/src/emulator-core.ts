import { validateEmulatorData } from './data/validate-data.js';
import { FaultInjector } from './faults/fault-injector.js';
import { validateFaultOptions } from './faults/fault-options.js';
import { RequestLog } from './http/request-log.js';
import { EmulatorState } from './store/emulator-state.js';
import type { EmulatorData, FaultOptions } from './types.js';

export interface CoreSettings {
  strict: boolean;
  now: () => Date;
  maxBodyBytes: number;
  maxDataBodyBytes: number;
  tokenTtlSeconds: number;
  requestLogSize: number;
  /** The region of the IAM catalog's endpoints. */
  region: string;
}

/**
 * One emulator's state apart from its sockets: the data, the faults, the request log. Every
 * instance has its own, so parallel tests never share anything.
 */
export class EmulatorCore {
  readonly settings: CoreSettings;
  readonly log: RequestLog;
  /** The starting data with its indexes: immutable, so a reset reuses it. */
  readonly #initial: EmulatorState;
  #state: EmulatorState;
  #faults: FaultInjector | undefined;

  /** `data` must already be valid (checked by the caller), or a state made by the generator. */
  constructor(data: EmulatorData | EmulatorState, settings: CoreSettings, faults: FaultOptions | undefined) {
    this.settings = settings;
    this.log = new RequestLog(settings.requestLogSize);
    this.#initial = (data instanceof EmulatorState ? data : EmulatorState.fromData(data)).warm();
    this.#state = this.#initial;
    this.setFaults(faults);
  }

  get state(): EmulatorState {
    return this.#state;
  }

  get faults(): FaultInjector | undefined {
    return this.#faults;
  }

  /** Back to the data it started with; faults and the request log cleared. */
  reset(): void {
    this.#state = this.#initial.fresh();
    this.#faults = undefined;
    this.log.clear();
  }

  /** Replaces all data; throws `EmulatorDataError` and changes nothing when it is invalid. */
  load(data: unknown): void {
    const valid = validateEmulatorData(data);
    this.#state = EmulatorState.fromData(valid).warm();
  }

  /** Replaces the server-wide faults; `undefined` or `{}` turns them off. */
  setFaults(faults: FaultOptions | undefined): void {
    if (faults === undefined || faults === null) {
      this.#faults = undefined;
      return;
    }
    this.#faults = new FaultInjector(validateFaultOptions(faults));
  }
}
