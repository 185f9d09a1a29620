// The public API of @csbs-kit/emulator, listed deliberately.

export { type CliIo, runEmulatorCli } from './cli/run-emulator-cli.js';
export { generateEmulatorData } from './data/generate-data.js';
export { loadEmulatorDataFile } from './data/load-data-file.js';
export { validateEmulatorData } from './data/validate-data.js';
export { demoCredentials } from './demo-credentials.js';
export { errorCodes } from './error-codes.js';
export {
  EmulatorDataError,
  type EmulatorDataErrorDetails,
  EmulatorError,
  EmulatorHttpError,
  EmulatorOptionsError,
} from './errors.js';
export { startEmulator } from './start-emulator.js';
export type {
  AccessKeyCredential,
  DemoCredentials,
  EmulatorCredential,
  EmulatorData,
  EmulatorOptions,
  EmulatorUser,
  FaultOptions,
  LoggedRequest,
  RunningEmulator,
  TokenCredential,
} from './types.js';
