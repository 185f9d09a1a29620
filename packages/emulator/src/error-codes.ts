/** The wire codes the emulator answers with (documented in the README). */
export const errorCodes = {
  invalidParameter: 'CSBS.9001',
  forbidden: 'CSBS.9002',
  notFound: 'CSBS.3001',
  unknownPath: 'CSBS.9004',
  methodNotAllowed: 'CSBS.9005',
  bodyTooLarge: 'CSBS.9006',
  systemError: 'CSBS.9999',
  authFailed: 'APIGW.0301',
  throttled: 'APIGW.0308',
  badGateway: 'APIGW.0502',
  serviceUnavailable: 'CSBS.9503',
} as const;
